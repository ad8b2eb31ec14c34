global using CivilAffairs.SharedKernel;
