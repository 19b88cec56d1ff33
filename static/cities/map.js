/*
 * Progressive enhancement of the server-drawn city map
 * (templates/cities/partials/city_map.html): zoom, pan, wheel and keyboard.
 *
 * The map is complete without this file: every marker is a plain link. All we do
 * is move the SVG viewBox, so there is no second copy of the data, no network
 * request and nothing the Content Security Policy would refuse (no inline style
 * attributes: CSSOM calls such as style.setProperty are allowed).
 */
(function () {
  "use strict";

  // Must match the viewBox drawn by the template and the projection in the view.
  const W = 1000;
  const H = 500;
  const MAX_ZOOM = 8; // past this, 1:110m coastlines look crude
  const STEP = 1.5; // one button press or one +/- key
  const PAN = 0.15; // one arrow key, as a fraction of what is in view
  const DRAG_THRESHOLD = 4; // px: below this a press is a click on a marker, not a drag

  // Browsers that cannot set circle radius from CSS get it as an attribute instead.
  const cssRadius = Boolean(window.CSS && CSS.supports && CSS.supports("r", "1px"));

  const clamp = (value, min, max) => Math.min(Math.max(value, min), max);

  function enhance(figure) {
    const svg = figure.querySelector("svg.map-svg");
    // map-tiles.js may already have replaced the SVG with a tiled map.
    if (!svg || figure.classList.contains("map-enhanced") || figure.classList.contains("map-tiled")) return;
    figure.classList.add("map-enhanced");

    const status = figure.querySelector(".map-status");
    const hint = figure.querySelector(".map-hint");
    const circles = Array.from(svg.querySelectorAll(".marker circle"));
    // The first view is the one the server drew: the world, or the region around a city.
    const home = initialView(svg);
    const view = Object.assign({}, home);
    let announceTimer = 0;

    // The hint describes gestures that only exist now that the script runs.
    if (hint && hint.id) svg.setAttribute("aria-describedby", hint.id);

    function render(announce) {
      const w = W / view.k;
      const h = H / view.k;
      view.x = clamp(view.x, 0, W - w);
      view.y = clamp(view.y, 0, H - h);
      svg.setAttribute("viewBox", [view.x, view.y, w, h].map((n) => +n.toFixed(2)).join(" "));
      rescale();
      if (announce) announceZoom();
    }

    // Markers are sized in map units, so without this they would grow with every
    // zoom step and look like dots on a phone. --map-scale is map units per screen
    // pixel; map.css multiplies the marker's on-screen size by it.
    function rescale() {
      const width = svg.getBoundingClientRect().width;
      if (!width) return; // hidden (e.g. in a closed <details>): keep the CSS default
      const scale = W / view.k / width;
      svg.style.setProperty("--map-scale", scale.toFixed(4));
      if (!cssRadius) {
        const r = (4 * scale).toFixed(2);
        circles.forEach((circle) => circle.setAttribute("r", r));
      }
    }

    // A burst of wheel events or key presses should produce one announcement.
    function announceZoom() {
      if (!status) return;
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        const message = status.getAttribute("data-message") || "{percent}%";
        status.textContent = message.replace("{percent}", String(Math.round(view.k * 100)));
      }, 400);
    }

    // Zoom about a point given in map units, which stays where it is on screen.
    function zoomAt(factor, px, py) {
      const k = clamp(view.k * factor, 1, MAX_ZOOM);
      if (k === view.k) return false;
      const ratio = view.k / k;
      view.x = px - (px - view.x) * ratio;
      view.y = py - (py - view.y) * ratio;
      view.k = k;
      render(true);
      return true;
    }

    const centre = () => [view.x + W / view.k / 2, view.y + H / view.k / 2];
    const zoomCentre = (factor) => zoomAt(factor, ...centre());

    function reset() {
      Object.assign(view, home);
      render(true);
    }

    // The screen matrix accounts for the viewBox and any letterboxing by page CSS.
    function toMap(clientX, clientY) {
      const matrix = svg.getScreenCTM();
      if (!matrix) return centre();
      const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
      return [point.x, point.y];
    }

    const on = (selector, handler) => {
      const button = figure.querySelector(selector);
      if (button) button.addEventListener("click", handler);
    };
    on(".map-zoom-in", () => zoomCentre(STEP));
    on(".map-zoom-out", () => zoomCentre(1 / STEP));
    on(".map-reset", reset);

    // Drag to pan. Capture starts only once the pointer has really moved:
    // capturing on press would retarget the click and break the marker links.
    let drag = null;
    svg.addEventListener("pointerdown", (event) => {
      if (!event.isPrimary || event.button !== 0) return;
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, moved: false };
    });
    svg.addEventListener("pointermove", (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        drag.moved = true;
        try {
          svg.setPointerCapture(event.pointerId); // keeps the drag alive outside the map
        } catch (error) {
          // The pointer is already gone (e.g. lifted); this move still pans.
        }
        svg.classList.add("is-dragging");
      }
      const unitsPerPixel = W / view.k / svg.getBoundingClientRect().width;
      view.x = drag.vx - dx * unitsPerPixel;
      view.y = drag.vy - dy * unitsPerPixel;
      render(false);
    });
    // A drag that ends over a marker must not follow its link. The click comes in
    // the same task as pointerup, so the flag is cleared right after it.
    let swallowClick = false;
    const endDrag = (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      if (drag.moved && event.type === "pointerup") {
        swallowClick = true;
        setTimeout(() => { swallowClick = false; }, 0);
      }
      svg.classList.remove("is-dragging");
      drag = null;
    };
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);
    svg.addEventListener("click", (event) => {
      if (swallowClick) event.preventDefault();
    }, true);

    // The wheel zooms only when asked (Ctrl/Cmd, which is also a trackpad pinch)
    // or when the reader has put focus in the map; otherwise it scrolls the page.
    svg.addEventListener(
      "wheel",
      (event) => {
        const intended = event.ctrlKey || event.metaKey || svg.contains(document.activeElement);
        if (!intended) return;
        const lines = event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? 800 : 1;
        const factor = Math.pow(2, (-event.deltaY * lines) / 300);
        // At a zoom limit, let a focused map give the scroll back to the page.
        if (zoomAt(factor, ...toMap(event.clientX, event.clientY)) || event.ctrlKey || event.metaKey) {
          event.preventDefault();
        }
      },
      { passive: false }
    );

    // Keys work on the map and on its markers (Enter still follows a marker's link).
    svg.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return; // leave browser shortcuts alone
      const pan = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
      const zoom = { "+": STEP, "=": STEP, "-": 1 / STEP, _: 1 / STEP }[event.key];
      if (pan) {
        view.x += (pan[0] * W * PAN) / view.k;
        view.y += (pan[1] * H * PAN) / view.k;
        render(false);
      } else if (zoom) zoomCentre(zoom);
      else if (event.key === "0") reset();
      else return;
      event.preventDefault(); // arrows would otherwise scroll the page too
    });

    // Tabbing through markers while zoomed in must not land on one out of view.
    svg.addEventListener("focusin", (event) => {
      const circle = event.target.querySelector && event.target.querySelector("circle");
      if (!circle) return;
      const cx = circle.cx.baseVal.value;
      const cy = circle.cy.baseVal.value;
      const w = W / view.k;
      const h = H / view.k;
      if (cx < view.x || cx > view.x + w || cy < view.y || cy > view.y + h) {
        view.x = cx - w / 2;
        view.y = cy - h / 2;
        render(false);
      }
    });

    if (window.ResizeObserver) new ResizeObserver(rescale).observe(svg);
    else window.addEventListener("resize", rescale);
    render(false);
  }

  // The viewBox drawn by the server, as a view; the whole map if it is missing or odd.
  function initialView(svg) {
    const box = (svg.getAttribute("viewBox") || "").trim().split(/[\s,]+/).map(Number);
    if (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || !(box[2] > 0) || box[2] > W) {
      return { x: 0, y: 0, k: 1 };
    }
    return { x: box[0], y: box[1], k: clamp(W / box[2], 1, MAX_ZOOM) };
  }

  function enhanceWithin(root) {
    if (root.matches && root.matches("figure.city-map")) enhance(root);
    if (root.querySelectorAll) root.querySelectorAll("figure.city-map").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => enhanceWithin(document));
  } else {
    enhanceWithin(document);
  }
  // Maps swapped into the page by htmx get the same treatment.
  document.addEventListener("htmx:load", (event) => enhanceWithin(event.target));
})();
