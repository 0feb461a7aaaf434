module cgobench/testcases

go 1.19
