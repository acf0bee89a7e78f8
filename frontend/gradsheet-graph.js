// <gradsheet-graph>: the sheet's computation graph drawn left to right with Cytoscape + dagre.
// The server sends the whole graph as JSON (setGraph), then value/gradient updates (updateNodes)
// and the selected cell (select). Clicking a node fires a "node-click" event with the cell's name.
// Labels are drawn on a canvas as plain text: no cell name or formula is ever parsed as HTML.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

cytoscape.use(dagre);

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
      'font-size': 12,
      width: 'label',
      height: 'label',
      padding: '5px',
      color: '#1f2933',
    },
  },
  { selector: 'node.input', style: { 'background-color': '#f0f4f8' } },
  { selector: 'node.weight', style: { 'background-color': '#fff8e1', 'border-style': 'double', 'border-width': 4 } },
  { selector: 'node.objective', style: { 'background-color': '#e8f5e9', 'border-color': '#2e7d32' } },
  { selector: 'node.generated', style: { 'font-size': 9, color: '#52606d' } },
  { selector: 'node.gpos', style: { 'border-color': '#c62828' } },
  { selector: 'node.gneg', style: { 'border-color': '#1565c0' } },
  { selector: 'node.outside', style: { 'border-style': 'dashed', opacity: 0.7 } },
  { selector: 'node.flash', style: { 'background-color': '#fff59d' } },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#6a1b9a' } },
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
];

const MIN_READABLE_ZOOM = 0.75;
const MAX_HEIGHT = 900;
const PADDING = 10;

class GradsheetGraph extends HTMLElement {
  connectedCallback() {
    if (!this._container) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this._container = document.createElement('div');
      this._container.style.position = 'absolute';
      this._container.style.inset = '0';
      this.appendChild(this._container);
    }
    if (!this._cy) {
      this._cy = cytoscape({
        container: this._container,
        style: STYLE,
        elements: [],
        wheelSensitivity: 0.3,
        maxZoom: 1.8,
        minZoom: 0.2,
        autoungrabify: true,
        boxSelectionEnabled: false,
      });
      this._cy.on('tap', 'node', (e) => {
        this.dispatchEvent(new CustomEvent('node-click', { detail: { name: e.target.id() } }));
      });
      new ResizeObserver(() => {
        if (this._cy) {
          this._cy.resize();
          this._layout();
        }
      }).observe(this);
    }
    if (this._pending) {
      const pending = this._pending;
      this._pending = null;
      this.setGraph(pending);
    }
  }

  /** Replaces the whole graph: {nodes: [{id, label, classes}], edges: [{source, target}], selected}. */
  setGraph(json) {
    const graph = typeof json === 'string' ? JSON.parse(json) : json;
    if (!this._cy) {
      this._pending = graph;
      return;
    }
    const cy = this._cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(graph.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label }, classes: n.classes })));
      cy.add(graph.edges.map((e, i) => ({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target } })));
    });
    this._select(graph.selected);
    this._layout();
    this.setAttribute('nodes', String(graph.nodes.length));
  }

  /** Updates labels and classes of existing nodes: [{id, label, classes}]. */
  updateNodes(json) {
    const nodes = typeof json === 'string' ? JSON.parse(json) : json;
    if (!this._cy) {
      return;
    }
    this._cy.batch(() => {
      for (const n of nodes) {
        const node = this._cy.getElementById(n.id);
        if (node && node.length) {
          node.data('label', n.label);
          const selected = node.selected();
          node.classes(n.classes);
          if (selected) {
            node.select();
          }
        }
      }
    });
    // labels changed size: lay out again so nodes neither overlap nor leave the view
    this._layout();
    const flashed = this._cy.nodes('.flash');
    clearTimeout(this._flashTimer);
    this._flashTimer = setTimeout(() => flashed.removeClass('flash'), 900);
  }

  _layout() {
    const cy = this._cy;
    cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 6, rankSep: 36, fit: false, animate: false }).run();
    // Keep labels legible: a tall graph makes the picture taller (up to MAX_HEIGHT) rather than
    // shrinking; what still does not fit is a drag (pan) or mouse wheel (zoom) away.
    const bb = cy.elements().boundingBox();
    const wanted = Math.min(MAX_HEIGHT, Math.max(this._baseHeight(), bb.h * MIN_READABLE_ZOOM + 2 * PADDING));
    if (Math.abs(this.clientHeight - wanted) > 2) {
      this.style.height = wanted + 'px';
      cy.resize();
    }
    cy.fit(undefined, PADDING);
    if (cy.zoom() < MIN_READABLE_ZOOM) {
      cy.zoom(MIN_READABLE_ZOOM);
      const focus = cy.nodes(':selected');
      if (focus.length) {
        cy.center(focus);
      } else {
        // show the inputs end (left), where a lesson starts
        cy.pan({ x: PADDING - bb.x1 * MIN_READABLE_ZOOM, y: PADDING - bb.y1 * MIN_READABLE_ZOOM });
      }
    }
  }

  /** The height the server asked for (the element's height before any growing). */
  _baseHeight() {
    if (this._base === undefined) {
      this._base = this.clientHeight || 300;
    }
    return this._base;
  }

  /** Marks the node of the selected cell. */
  select(name) {
    this._select(name);
  }

  _select(name) {
    if (!this._cy) {
      return;
    }
    this._cy.nodes().unselect();
    if (name) {
      const node = this._cy.getElementById(name);
      if (node && node.length) {
        node.select();
        if (this._cy.zoom() <= MIN_READABLE_ZOOM + 0.001) {
          this._cy.center(node);
        }
      }
    }
  }
}

if (!customElements.get('gradsheet-graph')) {
  customElements.define('gradsheet-graph', GradsheetGraph);
}
