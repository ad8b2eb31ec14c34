using CivilAffairs.HealthProbe;

return await Probe.RunAsync(args.FirstOrDefault() ?? "", TimeSpan.FromSeconds(3));
