// Draws the region's GeoJSON as SVG: no tiles, no internet. Equirectangular projection scaled by cos(latitude),
// which is faithful enough at the scale of a few counties.
"use strict";

const XiezhiMap = {
  fills: { "33": "#f3e3c3", "31": "#d6e6f5", "32": "#dcefd9" },

  draw(container, collection) {
    const features = collection.features || [];
    let minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
    const visit = (coords) => {
      if (typeof coords[0] === "number") {
        minLon = Math.min(minLon, coords[0]); maxLon = Math.max(maxLon, coords[0]);
        minLat = Math.min(minLat, coords[1]); maxLat = Math.max(maxLat, coords[1]);
      } else coords.forEach(visit);
    };
    features.filter((f) => f.properties.kind === "jurisdiction").forEach((f) => visit(f.geometry.coordinates));
    const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
    const width = 1200, scale = width / ((maxLon - minLon) * kx), height = Math.round((maxLat - minLat) * scale);
    const x = (lon) => ((lon - minLon) * kx * scale).toFixed(1);
    const y = (lat) => ((maxLat - lat) * scale).toFixed(1);
    const ring = (r) => "M" + r.map((p) => `${x(p[0])},${y(p[1])}`).join("L") + "Z";
    const line = (l) => "M" + l.map((p) => `${x(p[0])},${y(p[1])}`).join("L");
    const polygonPath = (g) => g.type === "Polygon" ? g.coordinates.map(ring).join("") : g.coordinates.map((p) => p.map(ring).join("")).join("");
    const esc = Xiezhi.escape;
    const layers = { jurisdiction: [], joint_zone: [], waterway: [], road: [], border: [], site: [], label: [] };
    for (const f of features) {
      const p = f.properties, g = f.geometry;
      switch (p.kind) {
        case "jurisdiction":
          layers.jurisdiction.push(`<path d="${polygonPath(g)}" fill="${XiezhiMap.fills[String(p.code).slice(0, 2)] || "#eee"}" stroke="#8a8f99" stroke-width="1"><title>${esc(p.name)} ${esc(p.code)} ${esc(p.agency || "")}</title></path>`);
          break;
        case "joint_zone":
          layers.joint_zone.push(`<path d="${polygonPath(g)}" fill="rgba(163,17,26,.14)" stroke="#a3111a" stroke-dasharray="4 3" stroke-width="1"><title>毗邻联合执法区域 ${esc(p.name || p.border)}</title></path>`);
          break;
        case "waterway":
          layers.waterway.push(`<path d="${line(g.coordinates)}" fill="none" stroke="#3b82c4" stroke-width="2.5"><title>${esc(p.name)}</title></path>`);
          break;
        case "road":
          layers.road.push(`<path d="${line(g.coordinates)}" fill="none" stroke="#7b8794" stroke-width="2"><title>${esc(p.name)} ${esc(p.ref || "")}</title></path>`);
          break;
        case "border":
          layers.border.push(`<path d="${line(g.coordinates)}" fill="none" stroke="#a3111a" stroke-width="3"><title>${esc(p.name)}</title></path>`);
          break;
        case "site": {
          const [lon, lat] = g.coordinates;
          const colors = { joint_station: "#a3111a", wim_station: "#b36b00", checkpoint: "#3b82c4", unloading_site: "#1e7b34", scenic_waters: "#6b4fa3" };
          layers.site.push(`<circle cx="${x(lon)}" cy="${y(lat)}" r="5" fill="${colors[p.site_type] || "#333"}" stroke="#fff" stroke-width="1.5"><title>${esc(p.name)}${p.stake ? " " + esc(p.stake) : ""}</title></circle>`);
          break;
        }
      }
      if (p.kind === "jurisdiction" && g) {
        let sx = 0, sy = 0, n = 0;
        const outer = g.type === "Polygon" ? g.coordinates[0] : g.coordinates[0][0];
        outer.forEach((pt) => { sx += pt[0]; sy += pt[1]; n += 1; });
        layers.label.push(`<text x="${x(sx / n)}" y="${y(sy / n)}" font-size="16" text-anchor="middle" fill="#333">${esc(p.name)}</text>`);
      }
    }
    container.innerHTML = `<svg viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${
      ["jurisdiction", "joint_zone", "waterway", "road", "border", "site", "label", "overlay"].map((k) => `<g class="${k}">${(layers[k] || []).join("")}</g>`).join("")}</svg>`;
    const svg = container.querySelector("svg");
    const overlay = svg.querySelector("g.overlay");
    return {
      svg,
      /** Screen (SVG) coordinates of a WGS-84 point. */
      project(lon, lat) { return [Number(x(lon)), Number(y(lat))]; },
      /** The layer drawn over the map (units, vehicles, vessels, alerts). */
      overlay,
      /** Replaces the overlay (ships, live positions) with dots: [{lon, lat, color, title}]. */
      plot(items) {
        overlay.innerHTML = items.map((i) => `<circle cx="${x(i.lon)}" cy="${y(i.lat)}" r="3.5" fill="${i.color}" stroke="#fff" stroke-width="1"><title>${esc(i.title)}</title></circle>`).join("");
      },
      onClick(handler) {
        svg.addEventListener("click", (event) => {
          const point = svg.createSVGPoint();
          point.x = event.clientX; point.y = event.clientY;
          const local = point.matrixTransform(svg.getScreenCTM().inverse());
          handler(minLon + local.x / scale / kx, maxLat - local.y / scale);
        });
      },
    };
  },
};
