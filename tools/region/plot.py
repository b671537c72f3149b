import json, sys
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
from outlines import build
rings, out, pairs = build(150)
fig, ax = plt.subplots(figsize=(14, 13))
for c, r in out.items():
    xs, ys = zip(*r)
    ax.fill(xs, ys, alpha=0.25)
    ax.plot(xs, ys, 'k-', lw=0.5)
    from shapely.geometry import Polygon
    p = Polygon(r).representative_point()
    ax.text(p.x, p.y, c, fontsize=12)
for lab, arcs in pairs.items():
    if 'out' not in lab and lab[0][:2] != lab[1][:2]:
        for a in arcs:
            xs, ys = zip(*a); ax.plot(xs, ys, 'r-', lw=2)
if len(sys.argv) > 1:
    fc = json.load(open(sys.argv[1]))
    for f in fc['features']:
        k = f['properties']['kind']; g = f['geometry']
        if k in ('road', 'waterway'):
            xs, ys = zip(*g['coordinates']); ax.plot(xs, ys, 'b-' if k == 'road' else 'c-', lw=1.5)
            ax.text(xs[len(xs)//2], ys[len(ys)//2], f['properties']['id'], color='b', fontsize=9)
        if k == 'site':
            x, y = g['coordinates']; ax.plot([x], [y], 'mo'); ax.text(x, y, f['properties']['id'], fontsize=7, color='m')
ax.set_aspect(1 / 0.86)
ax.grid(True, lw=0.3)
ax.set_xticks([120.3 + 0.05 * i for i in range(25)])
ax.set_yticks([30.25 + 0.05 * i for i in range(22)])
plt.xticks(rotation=90, fontsize=7); plt.yticks(fontsize=7)
plt.savefig(sys.argv[2] if len(sys.argv) > 2 else '/tmp/region-geo/map.png', dpi=80, bbox_inches='tight')
