// Maps on the public site, an enhancement only: the list of results (or the address) next to a
// map holds all its information, and the page works without this file, without Leaflet and without
// map tiles. Starts from elements with data-module="result-map"; the markers come from the JSON
// data block named by data-markers (never from inline script: the CSP forbids it).
(() => {
  if (!('querySelectorAll' in document)) return;
  /** Leaflet, once loaded (below). */
  let L;

  function readMarkers(element, attribute = 'data-markers') {
    const source = document.getElementById(element.getAttribute(attribute) || '');
    if (!source) return [];
    try {
      const data = JSON.parse(source.textContent || '[]');
      return Array.isArray(data) ? data.filter((m) => Number.isFinite(m.lat) && Number.isFinite(m.lng)) : [];
    } catch {
      return [];
    }
  }

  // Built from DOM nodes, never from HTML strings: names are the providers' own text.
  function popup(marker, href, linkLabel) {
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = marker.name;
    box.appendChild(name);
    const p = document.createElement('p');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = linkLabel || marker.name;
    p.appendChild(link);
    box.appendChild(p);
    return box;
  }

  function clusterIcon(cluster) {
    const count = cluster.getChildCount();
    return L.divIcon({
      html: `<span>${Number(count)}</span>`,
      className: 'ko-map-cluster',
      iconSize: L.point(36, 36),
    });
  }

  function start(element) {
    const markers = readMarkers(element);
    if (markers.length === 0) return;
    element.hidden = false;
    for (const hint of document.querySelectorAll('[data-map-hint]')) hint.hidden = false;
    const tileUrl = element.getAttribute('data-tile-url');
    // Without a tile layer the map has no zoom range of its own; clustering needs one.
    const map = L.map(element, {
      scrollWheelZoom: false,
      attributionControl: Boolean(tileUrl),
      minZoom: 5,
      maxZoom: 18,
    });
    if (tileUrl) {
      L.tileLayer(tileUrl, {
        attribution: element.getAttribute('data-tile-attribution') || '',
        maxZoom: 19,
      }).addTo(map);
    }
    const clustered = markers.length > 1 && typeof L.markerClusterGroup === 'function';
    const layer = clustered
      ? L.markerClusterGroup({
          showCoverageOnHover: false,
          maxClusterRadius: 60,
          iconCreateFunction: clusterIcon,
        })
      : L.featureGroup();
    const linkBase = element.getAttribute('data-link-base');
    const linkLabel = element.getAttribute('data-link-label');
    for (const m of markers) {
      const marker = L.marker([m.lat, m.lng], {
        icon: L.divIcon({
          className: `ko-map-marker ko-map-marker--${m.type === 'family' ? 'family' : 'group'}`,
          iconSize: L.point(26, 26),
        }),
        title: m.name,
        // Markers are mouse and touch targets only: close markers can overlap, and a keyboard user
        // has the same locations, with their links, in the list (WCAG 2.5.8's "equivalent").
        keyboard: false,
      });
      if (linkBase) marker.bindPopup(popup(m, linkBase + encodeURIComponent(m.id), linkLabel));
      layer.addLayer(marker);
    }
    layer.addTo(map);
    const bounds = L.latLngBounds(markers.map((m) => [m.lat, m.lng]));
    const originMarker = startOrigin(element, map);
    if (originMarker) bounds.extend(originMarker.getLatLng());
    // The home and work postcodes the distances are measured from.
    for (const o of readMarkers(element, 'data-fixed-origins')) {
      L.marker([o.lat, o.lng], {
        icon: originIcon(),
        title: o.label,
        keyboard: false,
        interactive: false,
        zIndexOffset: 1000,
      }).addTo(map);
      bounds.extend([o.lat, o.lng]);
    }
    map.fitBounds(bounds.pad(0.1), { maxZoom: 15 });
    // Without tiles: the names of the municipalities around, at their points (no borders: the
    // bundled data has none). Text only, behind the markers, never a target.
    if (!tileUrl) {
      const places = readMarkers(element, 'data-places');
      const names = L.layerGroup().addTo(map);
      // Largest first (the server's order); a name that would overlap one already written is left
      // out, and the choice is made again at every zoom.
      const writeNames = () => {
        names.clearLayers();
        const taken = [];
        for (const p of places) {
          const at = map.latLngToContainerPoint([p.lat, p.lng]);
          const w = p.name.length * 7.2 + 8;
          const box = { x: at.x - w / 2, y: at.y - 10, w, h: 20 };
          const overlaps = taken.some(
            (b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h,
          );
          if (overlaps) continue;
          taken.push(box);
          const label = document.createElement('span');
          label.textContent = p.name;
          L.marker([p.lat, p.lng], {
            icon: L.divIcon({ className: 'ko-map-place', html: label, iconSize: null }),
            keyboard: false,
            interactive: false,
            zIndexOffset: -1000,
          }).addTo(names);
        }
      };
      writeNames();
      map.on('zoomend', writeNames);
    }
    // For tests and for anyone checking that the map and the list agree.
    element.setAttribute('data-marker-count', String(markers.length));
    element.setAttribute('data-marker-ids', markers.map((m) => m.id).join(' '));
  }

  function originIcon() {
    return L.divIcon({ className: 'ko-map-origin', iconSize: L.point(22, 22) });
  }

  // A click on the map chooses a distance origin: it fills the search form's point field (the same
  // field a visitor without JavaScript types in), shows the point and says so in the status line.
  // The results follow when the form is sent, so the list and the markers always come from the server.
  function startOrigin(element, map) {
    const field = document.getElementById(element.getAttribute('data-origin-field') || '');
    const current = (element.getAttribute('data-origin') || '').split(',').map(Number);
    const title = element.getAttribute('data-origin-label') || '';
    let marker;
    const place = (latlng) => {
      if (marker) marker.setLatLng(latlng);
      else
        marker = L.marker(latlng, {
          icon: originIcon(),
          title,
          keyboard: false,
          interactive: false,
          zIndexOffset: 1000,
        }).addTo(map);
      return marker;
    };
    if (current.length === 2 && current.every(Number.isFinite)) place(L.latLng(current[0], current[1]));
    if (!field) return marker;
    const status = document.getElementById(element.getAttribute('data-origin-status') || '');
    const message = element.getAttribute('data-origin-message') || '{point}';
    element.classList.add('ko-map--pick');
    map.on('click', (event) => {
      const lat = event.latlng.lat.toFixed(5);
      const lng = L.Util.wrapNum(event.latlng.lng, [-180, 180], true).toFixed(5);
      field.value = `${lat},${lng}`;
      // The filters may be folded away (a <details>): open them, so "Search" is in sight.
      const folded = field.closest('details');
      if (folded) folded.open = true;
      place(L.latLng(Number(lat), Number(lng)));
      if (status) status.textContent = message.replace('{point}', `${lat}, ${lng}`);
    });
    return marker;
  }

  // Leaflet (55 KB of script and its style sheet) is fetched only once the page has loaded, so it
  // never holds up the first paint; the map boxes have their size from the start (public-site.css).
  const elements = document.querySelectorAll('[data-module="result-map"]');
  if (elements.length === 0) return;

  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const element = document.createElement(tag);
      Object.assign(element, attributes);
      element.addEventListener('load', resolve);
      element.addEventListener('error', reject);
      document.head.appendChild(element);
    });
  }

  async function draw() {
    await Promise.all([
      load('link', { rel: 'stylesheet', href: '/assets/vendor/leaflet/leaflet.css' }),
      load('script', { src: '/assets/vendor/leaflet/leaflet.js' }).then(() =>
        load('script', { src: '/assets/vendor/leaflet/leaflet.markercluster.js' }),
      ),
    ]);
    L = window.L;
    if (!L) throw new Error('Leaflet did not start');
    for (const element of elements) start(element);
  }

  const later = () =>
    draw().catch(() => {
      // No map after all: give back the place kept for it (the list holds everything).
      for (const element of elements) element.removeAttribute('data-reserve');
    });
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later);
})();
