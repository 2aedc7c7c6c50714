#!/usr/bin/env python3
import math, random
# Synthetic terrain: a valley with ridges, cone hills and a plateau; deterministic (seed 6).
rnd = random.Random(6)
n = 240; cs = 30.0
x0, y0 = 500000.0, 4700000.0 + n*cs
hills = [(rnd.uniform(0,n*cs), rnd.uniform(0,n*cs), rnd.uniform(40,220), rnd.uniform(300,1500)) for _ in range(14)]
rows = []
for r in range(n):
    y = (r + 0.5) * cs
    line = []
    for c in range(n):
        x = (c + 0.5) * cs
        z = 200.0 + 0.02 * x + 35.0 * math.sin(x / 900.0) * math.cos(y / 1300.0)
        for hx, hy, hh, hw in hills:
            d2 = (x - hx) ** 2 + (y - hy) ** 2
            z += hh * math.exp(-d2 / (2 * hw * hw))
        if 4200 < x < 4800 and 1000 < y < 6000:
            z += 60.0          # a wall-like ridge that casts long shadows
        line.append("%.1f" % z)
    rows.append(" ".join(line))
with open("synthetic_utm34n_30m.asc", "w") as f:
    f.write("ncols %d\nnrows %d\nxllcorner %.1f\nyllcorner %.1f\ncellsize %.1f\nNODATA_value -9999\n" % (n, n, x0, 4700000.0, cs))
    f.write("\n".join(rows) + "\n")
