module il
go 1.22
