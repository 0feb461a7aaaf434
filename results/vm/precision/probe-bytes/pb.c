#include <stdio.h>
#include <stdlib.h>
double load_probe_us(int cpu);
int main(int argc,char**argv){int n=atoi(argv[1]);for(int i=0;i<n;i++)printf("%.1f %.1f\n",load_probe_us(0),load_probe_us(1));}
