// Valid resident ID numbers (GB 11643 check digit) for made-up people, new on every run, so the collection can run
// again against the same store. Never a real person's: the area code is 110101 and the sequence random.
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checks = "10X98765432";

function idNumber(birth, male) {
  const sequence = String(Math.floor(Math.random() * 50) * 2 + (male ? 1 : 0) + 100).slice(-3);
  const body = `110101${birth}${sequence}`.slice(0, 17).padEnd(17, "0");
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + checks[sum % 11];
}

// The office's date `days` ahead (Asia/Shanghai), as the services judge dates.
function officeDay(days) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

module.exports = { idNumber, officeDay };
