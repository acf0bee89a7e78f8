// <gradsheet-graph>: the sheet's computation graph drawn left to right with Cytoscape.
// The server sends the whole graph as JSON (setGraph: nodes, edges, each node's column and row, the
// selected node and its paths to the objective), then value/gradient updates (updateNodes) and the
// selected cell (select). Clicking a node fires a "node-click" event with the cell's name.
// Pan by dragging, zoom with the buttons, the keys or, once the picture has the keyboard focus (Tab
// gives it), the wheel or a pinch: the wheel over an unfocused picture scrolls the page. "Fit" shows
// everything that fits at a readable size.
// The picture keeps itself in view: it fits when drawn, and again when new numbers change the labels'
// widths, until the person pans or zooms; the selected cell is brought into view.
// Labels are never drawn below 11 px: zoomed out, the less important labels go first (weights and
// formula steps have smaller fonts), so a zoomed-out picture has fewer labels, not smaller ones.
// An edge that skips a column passes through a gap kept free for it in each column it crosses (as
// layered drawings do), so no edge is drawn through another cell's label.
// Labels are drawn on a canvas as plain text: no cell name or formula is ever parsed as HTML.
import cytoscape from 'cytoscape';

/** The smallest on-screen label size, in CSS pixels. */
const MIN_LABEL_PX = 11;
const MAIN_FONT = 13;
const SMALL_FONT = 12;
/** The zoom at which the main labels are still at least MIN_LABEL_PX. */
const READABLE_ZOOM = MIN_LABEL_PX / MAIN_FONT + 0.01;
const MAX_START_ZOOM = 1.5;
const GAP_X = 22;
const GAP_Y = 8;
/** The height of the gap an edge passing through a column keeps free for itself. */
const SLOT_Y = 10;
const PADDING = 10;
const PATH = '#ef6c00';

const STYLE = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      'background-color': '#ffffff',
      'border-width': 2,
      'border-color': '#9aa5b1',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-family': 'monospace',
      'font-size': MAIN_FONT,
      'min-zoomed-font-size': MIN_LABEL_PX,
      width: 'label',
      height: 'label',
      padding: '5px',
      color: '#1f2933',
    },
  },
  { selector: 'node.input', style: { 'background-color': '#f0f4f8' } },
  {
    selector: 'node.weight',
    style: { 'background-color': '#fff8e1', 'border-style': 'double', 'border-width': 4, 'font-size': SMALL_FONT },
  },
  { selector: 'node.const', style: { 'font-size': SMALL_FONT } },
  { selector: 'node.objective', style: { 'background-color': '#e8f5e9', 'border-color': '#2e7d32' } },
  { selector: 'node.generated', style: { 'font-size': SMALL_FONT, color: '#52606d' } },
  { selector: 'node.gpos', style: { 'border-color': '#c62828' } },
  { selector: 'node.gneg', style: { 'border-color': '#1565c0' } },
  { selector: 'node.outside', style: { 'border-style': 'dashed', opacity: 0.7 } },
  { selector: 'node.flash', style: { 'background-color': '#fff59d' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9aa5b1',
      'target-arrow-color': '#9aa5b1',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
    },
  },
  // an edge skipping columns: straight pieces through the gaps kept for it (placed by _layout)
  { selector: 'edge.routed', style: { 'curve-style': 'segments', 'edge-distances': 'node-position' } },
  { selector: '.faded', style: { opacity: 0.3 } },
  // WCAG 2.1 AA: a faded node keeps readable text (4.5:1 or more on white); only its box fades.
  { selector: 'node.faded', style: { opacity: 1, 'background-opacity': 0.3, 'border-opacity': 0.3, 'text-opacity': 0.8 } },
  { selector: 'node.path', style: { 'border-color': PATH, 'border-width': 4, opacity: 1 } },
  {
    selector: 'edge.path',
    style: { 'line-color': PATH, 'target-arrow-color': PATH, width: 3.5, opacity: 1, 'z-index': 10 },
  },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#6a1b9a' } },
];

// The words come from the server's message bundles (GraphView calls setTexts); these
// English defaults only show until then.
const BUTTONS = [
  ['graph-zoom-in', '+', 'zoomIn'],
  ['graph-zoom-out', '−', 'zoomOut'],
  ['graph-fit', 'fit', 'fitTitle'],
];
const DEFAULT_TEXTS = {
  zoomIn: 'Zoom in (or use the mouse wheel / a pinch)',
  zoomOut: 'Zoom out',
  fit: 'Fit',
  fitTitle: 'Show the whole graph',
  label: 'Graph picture of the cells. Keys: + and - zoom, arrow keys pan, 0 fits.'
      + ' The selected cell\'s inputs and users are listed under the picture.',
};

class GradsheetGraph extends HTMLElement {
  connectedCallback() {
    if (!this._container) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this._container = document.createElement('div');
      this._container.style.position = 'absolute';
      this._container.style.inset = '0';
      this.appendChild(this._container);
      this._buttons();
      // The picture takes the keyboard focus (a ring shows it) and answers keys; its text
      // equivalent (the selected cell's inputs and users) is the element aria-describedby names.
      if (!this.hasAttribute('tabindex')) {
        this.setAttribute('tabindex', '0');
      }
      this.setAttribute('role', 'group');
      this.setAttribute('aria-label', this._text('label'));
      this.addEventListener('keydown', (e) => this._key(e));
    }
    if (!this._cy) {
      this._cy = cytoscape({
        container: this._container,
        style: STYLE,
        elements: [],
        wheelSensitivity: 0.4,
        maxZoom: 3,
        minZoom: 0.05,
        autoungrabify: true,
        boxSelectionEnabled: false,
        // the wheel scrolls the page over a picture without the focus; focused, it zooms
        userZoomingEnabled: false,
      });
      this.addEventListener('focusin', () => this._cy && this._cy.userZoomingEnabled(true));
      this.addEventListener('focusout', () => this._cy && this._cy.userZoomingEnabled(false));
      this._cy.on('tap', 'node', (e) => {
        this.dispatchEvent(new CustomEvent('node-click', { detail: { name: e.target.id() } }));
      });
      // once the person pans or zooms, keep their view across updates
      this._cy.on('viewport', () => {
        if (!this._settingView) {
          this._userView = true;
        }
      });
      new ResizeObserver(() => {
        if (this._cy) {
          this._cy.resize();
          if (!this._userView) {
            this._startView();
          }
        }
      }).observe(this);
    }
    if (this._pending) {
      const pending = this._pending;
      this._pending = null;
      this.setGraph(pending);
    }
  }

  _buttons() {
    const bar = document.createElement('div');
    bar.className = 'gs-graph-buttons';
    for (const [id] of BUTTONS) {
      const b = document.createElement('button');
      b.id = id;
      b.type = 'button';
      b.addEventListener('click', () => this._button(id));
      bar.appendChild(b);
    }
    this.appendChild(bar);
    this._labelButtons();
  }

  /** The page's words for the picture : {zoomIn, zoomOut, fit, fitTitle, label}. */
  setTexts(json) {
    this._texts = typeof json === 'string' ? JSON.parse(json) : json;
    if (this._container) {
      this.setAttribute('aria-label', this._text('label'));
      this._labelButtons();
    }
  }

  _text(key) {
    return (this._texts && this._texts[key]) || DEFAULT_TEXTS[key];
  }

  _labelButtons() {
    for (const [id, text, title] of BUTTONS) {
      const b = this.querySelector('#' + id);
      if (b) {
        b.textContent = text === 'fit' ? this._text('fit') : text;
        b.title = this._text(title);
        b.setAttribute('aria-label', this._text(title));
      }
    }
  }

  /** Keys on the focused picture: + / - zoom, arrows pan, 0 (or f) fits; keys on its buttons are theirs. */
  _key(e) {
    if (e.target !== this || !this._cy || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const pan = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] }[e.key];
    if (pan) {
      this._cy.panBy({ x: pan[0], y: pan[1] });
    } else if (e.key === '+' || e.key === '=') {
      this._button('graph-zoom-in');
    } else if (e.key === '-') {
      this._button('graph-zoom-out');
    } else if (e.key === '0' || e.key === 'f') {
      this._button('graph-fit');
    } else {
      return;
    }
    e.preventDefault();
  }

  _button(id) {
    const cy = this._cy;
    if (!cy) {
      return;
    }
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    if (id === 'graph-fit') {
      this._settingView = true;
      try {
        this.fit();
      } finally {
        this._settingView = false;
      }
      this._userView = false; // fitted again: it keeps itself in view as the numbers change
    } else {
      cy.zoom({ level: cy.zoom() * (id === 'graph-zoom-in' ? 1.25 : 0.8), renderedPosition: centre });
    }
  }

  /**
   * Shows the whole graph if its labels stay readable (11 px or more); a bigger one at the readable
   * size around the selected cell, or else the objective (where backprop starts), as far left as
   * still shows it.
   */
  fit() {
    const cy = this._cy;
    cy.fit(undefined, PADDING);
    if (cy.zoom() > MAX_START_ZOOM) {
      cy.zoom(MAX_START_ZOOM);
      cy.center();
    }
    if (cy.zoom() >= READABLE_ZOOM) {
      return;
    }
    cy.zoom(READABLE_ZOOM);
    const focus = cy.nodes(':selected');
    if (focus.length) {
      cy.center(focus);
      return;
    }
    const bb = cy.elements().boundingBox();
    const objective = cy.nodes('.objective');
    // the objective's end in view, the right edge of the graph at the right of the picture
    const right = objective.length ? objective.boundingBox().x2 : bb.x2;
    cy.pan({ x: cy.width() - PADDING - right * READABLE_ZOOM, y: cy.height() / 2 - ((bb.y1 + bb.y2) / 2) * READABLE_ZOOM });
  }

  /**
   * Replaces the whole graph: {nodes: [{id, label, classes}], edges, places: [{id, layer, row}], selected, path}.
   * Drawn after the next paint, like label updates: laying out a few hundred nodes takes a while, and
   * the grid's new numbers sent in the same message should not wait for it.
   */
  setGraph(json) {
    const graph = typeof json === 'string' ? JSON.parse(json) : json;
    if (!this._cy) {
      this._pending = graph;
      return;
    }
    if (this._queued) {
      this._queued.clear(); // older label updates must not overwrite the new picture's
    }
    this._nextGraph = graph;
    this._afterPaint();
  }

  _drawGraph(graph) {
    const cy = this._cy;
    this._places = {};
    for (const p of graph.places || []) {
      this._places[p.id] = p;
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(graph.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label }, classes: n.classes })));
      cy.add(graph.edges.map((e, i) => ({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target } })));
    });
    this._layout();
    this._select(graph.selected, graph.path);
    this._userView = false;
    this._startView();
    this.setAttribute('nodes', String(graph.nodes.length));
  }

  /**
   * Updates labels and classes of existing nodes: [{id, label, classes}]. Done after the next paint,
   * so the grid's new numbers (sent in the same message) reach the screen first; updates arriving
   * meanwhile are merged.
   */
  updateNodes(json) {
    const nodes = typeof json === 'string' ? JSON.parse(json) : json;
    if (!this._cy) {
      return;
    }
    this._queued = this._queued || new Map();
    for (const n of nodes) {
      this._queued.set(n.id, n);
    }
    this._afterPaint();
  }

  /** Draws the waiting picture, then the waiting label updates, once the browser has painted. */
  _afterPaint() {
    if (this._updateScheduled) {
      return;
    }
    this._updateScheduled = true;
    requestAnimationFrame(() => setTimeout(() => {
      this._updateScheduled = false;
      if (this._nextGraph) {
        const graph = this._nextGraph;
        this._nextGraph = null;
        this._drawGraph(graph);
      }
      const queued = this._queued ? [...this._queued.values()] : [];
      if (this._queued) {
        this._queued.clear();
      }
      if (queued.length) {
        this._applyNodes(queued);
      }
    }, 0));
  }

  _applyNodes(nodes) {
    if (!this._cy) {
      return;
    }
    this._cy.batch(() => {
      for (const n of nodes) {
        const node = this._cy.getElementById(n.id);
        if (node && node.length) {
          node.data('label', n.label);
          const keep = ['path', 'faded'].filter((c) => node.hasClass(c));
          const selected = node.selected();
          node.classes(n.classes);
          keep.forEach((c) => node.addClass(c));
          if (selected) {
            node.select();
          }
        }
      }
    });
    // labels changed width: place the columns again, and fit again unless the person moved the view
    this._layout();
    if (!this._userView) {
      this._startView();
    }
    const flashed = this._cy.nodes('.flash');
    clearTimeout(this._flashTimer);
    this._flashTimer = setTimeout(() => flashed.removeClass('flash'), 900);
  }

  /**
   * Columns left to right as the server placed them; each column's nodes stacked by row, centred.
   * An edge that skips columns gets a gap of its own in every column it crosses, at the height its
   * straight line would cross it, and is drawn through those gaps.
   */
  _layout() {
    const cy = this._cy;
    const byLayer = [];
    cy.nodes().forEach((n) => {
      const p = this._places[n.id()] || { layer: 0, row: 0 };
      (byLayer[p.layer] = byLayer[p.layer] || []).push([p.row, n]);
    });
    const columns = byLayer.filter((c) => c).map((c) => c.sort((a, b) => a[0] - b[0]).map((e) => e[1]));
    const columnOf = {};
    const xs = [];
    let x = 0;
    columns.forEach((nodes, i) => {
      const width = Math.max(...nodes.map((n) => n.outerWidth()));
      xs.push(x + width / 2);
      nodes.forEach((n) => { columnOf[n.id()] = i; });
      x += width + GAP_X;
    });
    // first the columns alone, then again with the gaps of the edges crossing them
    let pos = this._stack(columns, xs, []);
    const crossing = this._crossings(columnOf, xs, pos);
    if (crossing.length) {
      pos = this._stack(columns, xs, crossing);
    }
    cy.batch(() => {
      cy.nodes().positions((n) => pos[n.id()]);
      this._route(crossing, pos);
    });
  }

  /**
   * Stacks each column's nodes and the gaps kept in it ({edge, column, y}) by height, centred on 0;
   * returns every node's position and sets each gap's y.
   */
  _stack(columns, xs, gaps) {
    const pos = {};
    const previous = this._positions || {};
    columns.forEach((nodes, i) => {
      const items = nodes.map((n) => ({ node: n, h: n.outerHeight(), y: previous[n.id()] ? previous[n.id()].y : 0 }));
      gaps.filter((g) => g.column === i).forEach((g) => items.push({ gap: g, h: SLOT_Y, y: g.y }));
      if (gaps.length) {
        items.sort((a, b) => a.y - b.y);
      }
      const height = items.reduce((s, it) => s + it.h, 0) + GAP_Y * (items.length - 1);
      let y = -height / 2;
      for (const it of items) {
        const centre = y + it.h / 2;
        if (it.node) {
          pos[it.node.id()] = { x: xs[i], y: centre };
        } else {
          it.gap.y = centre;
        }
        y += it.h + GAP_Y;
      }
    });
    this._positions = pos;
    return pos;
  }

  /** The gaps edges skipping columns need: one per edge and column crossed, where its straight line crosses. */
  _crossings(columnOf, xs, pos) {
    const gaps = [];
    const pairs = new Map();
    this._cy.edges().forEach((e) => {
      const key = [e.source().id(), e.target().id()].sort().join('\u0000');
      pairs.set(key, (pairs.get(key) || 0) + 1);
    });
    this._cy.edges().forEach((e) => {
      const a = columnOf[e.source().id()];
      const b = columnOf[e.target().id()];
      const key = [e.source().id(), e.target().id()].sort().join('\u0000');
      if (a === undefined || b === undefined || Math.abs(b - a) < 2 || pairs.get(key) > 1) {
        return; // next columns, or a bundle of edges between the same two cells: drawn as before
      }
      const s = pos[e.source().id()];
      const t = pos[e.target().id()];
      const step = b > a ? 1 : -1;
      for (let c = a + step; c !== b; c += step) {
        const f = (xs[c] - s.x) / (t.x - s.x);
        gaps.push({ edge: e, column: c, x: xs[c], y: s.y + f * (t.y - s.y) });
      }
    });
    return gaps;
  }

  /** Draws each crossing edge as straight pieces through its gaps; every other edge as before. */
  _route(gaps, pos) {
    const cy = this._cy;
    cy.edges('.routed').removeClass('routed').removeStyle('segment-weights segment-distances');
    const byEdge = new Map();
    gaps.forEach((g) => {
      if (!byEdge.has(g.edge)) {
        byEdge.set(g.edge, []);
      }
      byEdge.get(g.edge).push(g);
    });
    byEdge.forEach((list, e) => {
      const s = pos[e.source().id()];
      const t = pos[e.target().id()];
      const vx = t.x - s.x;
      const vy = t.y - s.y;
      const l2 = vx * vx + vy * vy;
      const l = Math.sqrt(l2);
      const weights = [];
      const distances = [];
      for (const g of list) {
        const px = g.x - s.x;
        const py = g.y - s.y;
        weights.push((px * vx + py * vy) / l2);
        distances.push((px * -vy + py * vx) / l); // along Cytoscape's normal (-vy, vx) / |v|
      }
      e.addClass('routed');
      e.style({ 'segment-weights': weights.join(' '), 'segment-distances': distances.join(' ') });
    });
  }

  /**
   * The view the picture keeps until the person moves it: everything when it is readable, else
   * readable around the selection (or the objective, where backprop starts).
   */
  _startView() {
    const cy = this._cy;
    if (!cy || cy.width() === 0) {
      return;
    }
    this._settingView = true;
    try {
      this.fit();
    } finally {
      this._settingView = false;
    }
  }

  /** Marks the node of the selected cell and its paths to the objective (a list of node ids). */
  select(name, path) {
    const on = typeof path === 'string' ? JSON.parse(path) : path;
    if (this._nextGraph) { // a picture waiting to be drawn: it will be drawn with this selection
      this._nextGraph.selected = name;
      this._nextGraph.path = on;
      return;
    }
    this._select(name, on);
  }

  _select(name, path) {
    const cy = this._cy;
    if (!cy) {
      return;
    }
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      cy.nodes().unselect();
      const on = new Set(path || []);
      if (on.size > 1) {
        const nodes = cy.nodes().filter((n) => on.has(n.id()));
        const edges = cy.edges().filter((e) => on.has(e.source().id()) && on.has(e.target().id()));
        nodes.addClass('path');
        edges.addClass('path');
        cy.elements().not(nodes).not(edges).addClass('faded');
      }
    });
    if (name) {
      const node = cy.getElementById(name);
      if (node && node.length) {
        node.select();
        const ext = cy.extent();
        const bb = node.boundingBox();
        const inside = bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
        if (!inside) {
          this._settingView = true;
          cy.center(node);
          this._settingView = false;
        }
      }
    }
  }

  /** For tests: what is drawn, in screen pixels relative to the element, and how labels render. */
  report() {
    const cy = this._cy;
    const zoom = cy.zoom();
    return {
      zoom,
      width: cy.width(),
      height: cy.height(),
      nodes: cy.nodes().map((n) => {
        const bb = n.renderedBoundingBox();
        const font = n.pstyle('font-size').pfValue * zoom;
        return {
          id: n.id(),
          x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2,
          x: n.position('x'),
          font,
          labelShown: font >= MIN_LABEL_PX,
          path: n.hasClass('path'),
        };
      }),
      pathEdges: cy.edges('.path').length,
      // each edge as the polyline drawn, in screen pixels relative to the element
      edges: cy.edges().map((e) => {
        const points = [e.renderedSourceEndpoint()];
        const middle = e.hasClass('routed') ? e.renderedSegmentPoints() || [] : [];
        middle.forEach((p) => points.push(p));
        points.push(e.renderedTargetEndpoint());
        return { source: e.source().id(), target: e.target().id(), points: points.map((p) => [p.x, p.y]) };
      }),
      userZoom: cy.userZoomingEnabled(),
    };
  }
}

if (!customElements.get('gradsheet-graph')) {
  customElements.define('gradsheet-graph', GradsheetGraph);
}
