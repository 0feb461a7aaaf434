module cgobench/cases

go 1.19
