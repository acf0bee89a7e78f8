// <gradsheet-heatmap>: a model's output over the plane of two inputs, drawn on a canvas: a blue
// (near 0) to red (near 1) heatmap, the 0.5 boundary as a dark line, and the data points coloured
// by their class. The server sends setMap({x0, x1, y0, y1, size, outputs, points: [[x, y, cls]], xName, yName}).
// Room around the picture: y tick labels on the left, the y axis name above, x labels and the
// colour legend below. Every label is horizontal and at least 12 px.
const LEFT = 44;
const TOP = 22;
const BELOW = 34;
const LEGEND = 46;
const FONT = '12px sans-serif';

function colour(v) {
  const t = Math.max(0, Math.min(1, Number.isFinite(v) ? v : 0.5));
  // blue (0) -> white (0.5) -> red (1)
  const a = t < 0.5 ? [33, 101, 192] : [198, 40, 40];
  const k = Math.abs(t - 0.5) * 2 * 0.75;
  return a.map((c) => Math.round(255 + (c - 255) * k));
}

class GradsheetHeatmap extends HTMLElement {
  connectedCallback() {
    if (!this._canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this._canvas = document.createElement('canvas');
      this._canvas.style.width = '100%';
      this._canvas.style.height = '100%';
      this.appendChild(this._canvas);
      this._resize = new ResizeObserver(() => this._draw());
      this._resize.observe(this);
    }
    this._draw();
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
      this._resize = null;
      this._canvas.remove();
      this._canvas = null;
    }
  }

  setMap(json) {
    this._map = typeof json === 'string' ? JSON.parse(json) : json;
    this._draw();
  }

  _draw() {
    const m = this._map;
    const canvas = this._canvas;
    if (!canvas || !this.isConnected) {
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(50, this.clientWidth);
    const h = Math.max(50, this.clientHeight);
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    // every word drawn comes from the server's bundles (Heatmap.labels()): English or Korean
    const t = (m && m.labels) || {};
    if (!m || !m.size) {
      ctx.fillStyle = '#52606d';
      ctx.font = '13px sans-serif';
      ctx.fillText(m && m.message ? m.message : this.emptyText || '', 8, 20);
      return;
    }
    const side = Math.max(40, Math.min(w - LEFT - 8, h - TOP - BELOW - LEGEND));
    const left = LEFT;
    const top = TOP;
    this.dataset.side = String(Math.round(side));
    const n = m.size;
    const cw = side / n;
    const px = (x) => left + ((x - m.x0) / (m.x1 - m.x0)) * side;
    const py = (y) => top + side - ((y - m.y0) / (m.y1 - m.y0)) * side;
    const img = ctx.createImageData(n, n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const c = colour(m.outputs[j * n + i]);
        const k = ((n - 1 - j) * n + i) * 4;
        img.data[k] = c[0];
        img.data[k + 1] = c[1];
        img.data[k + 2] = c[2];
        img.data[k + 3] = 255;
      }
    }
    const off = document.createElement('canvas');
    off.width = n;
    off.height = n;
    off.getContext('2d').putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, left, top, side, side);
    // the 0.5 boundary (marching squares between cell centres, linearly interpolated)
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 2;
    ctx.beginPath();
    const v = (i, j) => m.outputs[j * n + i] - 0.5;
    const X = (i) => left + (i + 0.5) * cw;
    const Y = (j) => top + side - (j + 0.5) * cw;
    const cut = (p, q) => (p === q ? 0.5 : p / (p - q));
    for (let j = 0; j + 1 < n; j++) {
      for (let i = 0; i + 1 < n; i++) {
        const a = v(i, j);
        const b = v(i + 1, j);
        const c = v(i + 1, j + 1);
        const d = v(i, j + 1);
        const pts = [];
        if ((a > 0) !== (b > 0)) pts.push([i + cut(a, b), j]);
        if ((b > 0) !== (c > 0)) pts.push([i + 1, j + cut(b, c)]);
        if ((d > 0) !== (c > 0)) pts.push([i + cut(d, c), j + 1]);
        if ((a > 0) !== (d > 0)) pts.push([i, j + cut(a, d)]);
        for (let k = 0; k + 1 < pts.length; k += 2) {
          ctx.moveTo(X(pts[k][0]), Y(pts[k][1]));
          ctx.lineTo(X(pts[k + 1][0]), Y(pts[k + 1][1]));
        }
      }
    }
    ctx.stroke();
    // the data points: training points filled, test points (p[3] = 1) hollow rings in their class colour
    let tests = 0;
    for (const p of m.points || []) {
      const dark = p[2] >= 0.5 ? '#8e0000' : '#002f6c';
      ctx.beginPath();
      ctx.arc(px(p[0]), py(p[1]), 5.5, 0, 2 * Math.PI);
      if (p[3] === 1) {
        tests++;
        ctx.fillStyle = '#fff';
        ctx.fill();
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = dark;
        ctx.stroke();
      } else {
        ctx.fillStyle = dark;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
      }
    }
    this.dataset.tests = String(tests);
    // frame, axis labels and the colour legend (plain text, horizontal)
    ctx.strokeStyle = '#9aa5b1';
    ctx.lineWidth = 1;
    ctx.strokeRect(left, top, side, side);
    ctx.fillStyle = '#1f2933';
    ctx.font = FONT;
    const num = (v) => String(+v.toFixed(2));
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.fillText(num(m.y1), left - 4, top + 6);
    ctx.fillText(num((m.y0 + m.y1) / 2), left - 4, top + side / 2);
    ctx.fillText(num(m.y0), left - 4, top + side - 6);
    ctx.textAlign = 'left';
    ctx.fillText(m.yName + ' ↑', left, top - 11);
    if (tests > 0) {
      ctx.textAlign = 'right';
      ctx.fillText(t.trainTest || '', left + side, top - 11);
      ctx.textAlign = 'left';
    }
    ctx.textBaseline = 'top';
    const below = top + side + 4;
    ctx.fillText(num(m.x0), left, below);
    ctx.textAlign = 'center';
    ctx.fillText(num((m.x0 + m.x1) / 2), left + side / 2, below);
    ctx.textAlign = 'right';
    ctx.fillText(num(m.x1), left + side, below);
    ctx.textAlign = 'center';
    ctx.fillText(m.xName + ' →', left + side / 2, below + 15);
    // the legend: the output's colour from 0 to 1
    const ly = below + BELOW;
    const bar = ctx.createLinearGradient(left, 0, left + side, 0);
    for (let k = 0; k <= 10; k++) {
      const c = colour(k / 10);
      bar.addColorStop(k / 10, `rgb(${c[0]}, ${c[1]}, ${c[2]})`);
    }
    ctx.fillStyle = bar;
    ctx.fillRect(left, ly, side, 12);
    ctx.strokeStyle = '#9aa5b1';
    ctx.strokeRect(left, ly, side, 12);
    ctx.fillStyle = '#1f2933';
    ctx.textAlign = 'left';
    ctx.fillText(t.output0 || '', left, ly + 15);
    ctx.textAlign = 'center';
    ctx.fillText(t.boundary || '', left + side / 2, ly + 15);
    ctx.textAlign = 'right';
    ctx.fillText('1', left + side, ly + 15);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    this.dataset.legend = t.legend || '';
  }
}

customElements.define('gradsheet-heatmap', GradsheetHeatmap);
