/*
 * Optional tiled base map for figure.city-map[data-tiles].
 *
 * NOTE: this file only runs when the operator has set MAP_TILE_URL. Pages load it
 * (after static/vendor/leaflet/leaflet.js) only then, and only then does the
 * Content Security Policy allow images from the tile host. Everywhere else the
 * server-drawn SVG, enhanced by map.js, is the map.
 *
 * Inputs, all optional, read with JSON.parse (json_script blocks are never run):
 *   <script type="application/json" id="map-config">
 *     {"tileUrl": "...", "attribution": "...", "colours": {"film": "#1f5fa8"}}
 *   <script type="application/json" id="map-cities">
 *     [{"name", "country", "field_code", "field_name", "lat", "lon", "url"}]
 * Without map-config the tile URL comes from the figure's data-tiles attribute;
 * without map-cities the cities are read back from the SVG markers.
 */
(function () {
  "use strict";

  // Leaflet absent or failed to load: the SVG map stays, which is the safe default.
  if (!window.L) return;

  function readJson(id) {
    const element = document.getElementById(id);
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  // Inverse of the equirectangular projection the view used to place the markers
  // (x = (lon + 180) / 360 * 1000, y = (90 - lat) / 180 * 500).
  function citiesFromMarkers(figure) {
    return Array.from(figure.querySelectorAll("a.marker")).map((link) => {
      const circle = link.querySelector("circle");
      const code = (link.getAttribute("class").match(/(?:^|\s)f-(\S+)/) || [])[1] || "";
      return {
        label: link.getAttribute("aria-label") || "",
        url: link.getAttribute("href"),
        field_code: code,
        lat: 90 - (circle.cy.baseVal.value / 500) * 180,
        lon: (circle.cx.baseVal.value / 1000) * 360 - 180,
      };
    });
  }

  // Field colours live in /field-colours.css as classes; the legend swatches carry them.
  function legendColours(figure) {
    const colours = {};
    figure.querySelectorAll(".map-legend .field-swatch").forEach((swatch) => {
      const match = swatch.className.match(/(?:^|\s)f-(\S+)/);
      if (match) colours[match[1]] = getComputedStyle(swatch).backgroundColor;
    });
    return colours;
  }

  function labelOf(city) {
    if (city.label) return city.label;
    return [city.name, city.country].filter(Boolean).join(", ") + (city.field_name ? " — " + city.field_name : "");
  }

  // Markers are SVG paths, which Leaflet leaves out of the tab order: make each a
  // button that opens its popup, move focus to the popup's link, and bring it back
  // on Escape, so the map is usable without a mouse.
  function makeKeyboardAccessible(map, marker, label) {
    const element = marker.getElement();
    if (!element) return;
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", label);
    element.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      marker.openPopup();
    });
    marker.on("popupopen", (event) => {
      const popup = event.popup.getElement();
      const link = popup && popup.querySelector("a");
      if (link && document.activeElement === element) link.focus();
      if (popup && !popup.hasAttribute("data-escape")) {
        popup.setAttribute("data-escape", "");
        popup.addEventListener("keydown", (key) => {
          if (key.key !== "Escape") return;
          map.closePopup();
          element.focus();
        });
      }
    });
  }

  function tile(figure, config, cities) {
    const frame = figure.querySelector(".map-frame") || figure;
    const container = document.createElement("div");
    container.className = "map-tiles";
    frame.appendChild(container);

    let map;
    try {
      // A view now, so that the map counts as loaded and draws each marker's
      // element as it is added (the keyboard wiring below needs the elements).
      map = L.map(container, { worldCopyJump: true, minZoom: 1 }).setView([20, 0], 1);
      L.tileLayer(config.tileUrl, { attribution: config.attribution || "", maxZoom: 18 }).addTo(map);
    } catch (error) {
      container.remove();
      return; // keep the SVG map
    }

    // The tiled map replaces the SVG and the controls that map.js drives.
    figure.querySelectorAll(".map-svg, .map-controls, .map-hint").forEach((element) => element.remove());
    figure.classList.remove("map-enhanced");
    figure.classList.add("map-tiled");

    const colours = Object.assign(legendColours(figure), config.colours || {});
    const markers = L.featureGroup().addTo(map);
    cities.forEach((city) => {
      // Number(): json_script writes a Decimal as a string.
      const lat = Number(city.lat);
      const lon = Number(city.lon);
      if (city.lat === null || city.lon === null || !isFinite(lat) || !isFinite(lon)) return;
      const label = labelOf(city);
      const marker = L.circleMarker([lat, lon], {
        radius: 5,
        color: "#ffffff",
        weight: 1,
        fillColor: colours[city.field_code] || "#555555",
        fillOpacity: 1,
        // The field class lets /field-colours.css colour it too, as on the SVG map.
        className: "marker f-" + city.field_code,
      });
      // Built from DOM nodes, not HTML, so names can never inject markup.
      const link = document.createElement("a");
      link.href = city.url;
      link.textContent = label;
      marker.bindPopup(link).bindTooltip(label);
      marker.addTo(markers);
      makeKeyboardAccessible(map, marker, label);
    });

    if (markers.getLayers().length) map.fitBounds(markers.getBounds(), { padding: [20, 20], maxZoom: 6 });
  }

  function init() {
    const config = readJson("map-config") || {};
    const sharedCities = readJson("map-cities");
    document.querySelectorAll("figure.city-map[data-tiles]").forEach((figure) => {
      if (figure.classList.contains("map-tiled")) return;
      const tileUrl = config.tileUrl || figure.getAttribute("data-tiles");
      if (!tileUrl) return;
      tile(figure, Object.assign({}, config, { tileUrl }), sharedCities || citiesFromMarkers(figure));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
