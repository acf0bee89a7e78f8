// <gradsheet-chart>: a line chart drawn with Chart.js on a canvas. The server sends the whole
// picture as JSON via setChart({title, xLabel, yLabel, logY, series: [{label, color, dashed, points: [[x, y], ...]}]}).
// Labels are drawn on the canvas as plain text: nothing is parsed as HTML. Every text (title, axis
// titles, legend labels) comes from the server, which reads it from the message bundles (issue 15).
import Chart from 'chart.js/auto';

class GradsheetChart extends HTMLElement {
  connectedCallback() {
    if (!this._canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this._canvas = document.createElement('canvas');
      this.appendChild(this._canvas);
    }
    if (this._pending) {
      const p = this._pending;
      this._pending = null;
      this.setChart(p);
    }
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  setChart(json) {
    const spec = typeof json === 'string' ? JSON.parse(json) : json;
    this._spec = spec;
    if (!this._canvas || !this.isConnected) {
      this._pending = spec;
      return;
    }
    const datasets = spec.series.map((s) => ({
      label: s.label,
      data: s.points.map((p) => ({ x: p[0], y: p[1] })),
      borderColor: s.color || '#1565c0',
      backgroundColor: s.color || '#1565c0',
      borderDash: s.dashed ? [6, 4] : [],
      borderWidth: s.width || 2,
      pointRadius: s.pointRadius || 0,
      tension: 0,
      spanGaps: true,
      parsing: false,
    }));
    if (this._chart && this._chart.$logY === !!spec.logY) {
      this._chart.data.datasets = datasets;
      this._chart.options.plugins.title.text = spec.title || '';
      this._chart.options.plugins.title.display = !!spec.title;
      // axis titles come from the server's bundles and change with the page's language
      this._chart.options.scales.x.title.text = spec.xLabel || '';
      this._chart.options.scales.x.title.display = !!spec.xLabel;
      this._chart.options.scales.y.title.text = spec.yLabel || '';
      this._chart.options.scales.y.title.display = !!spec.yLabel;
      this._chart.options.scales.y.min = spec.yMin;
      this._chart.options.scales.y.max = spec.yMax;
      this._chart.update('none');
      return;
    }
    if (this._chart) {
      this._chart.destroy();
    }
    this._chart = new Chart(this._canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          title: { display: !!spec.title, text: spec.title || '' },
          legend: { display: true, labels: { boxWidth: 18 } },
          decimation: { enabled: false },
        },
        scales: {
          x: {
            type: 'linear',
            ticks: { font: { size: 12 }, maxRotation: 0 },
            title: { display: !!spec.xLabel, text: spec.xLabel || '', font: { size: 12 } },
          },
          y: {
            type: spec.logY ? 'logarithmic' : 'linear',
            min: spec.yMin,
            max: spec.yMax,
            // The server chose readable ticks (1-2-5 steps, labels that differ): AxisTicks.java.
            afterBuildTicks: (axis) => {
              const s = this._spec;
              if (s && s.yTicks && s.yTicks.length) {
                axis.ticks = s.yTicks.map((value) => ({ value }));
              }
            },
            ticks: {
              font: { size: 12 },
              autoSkip: false,
              callback: (v, i) => {
                const s = this._spec;
                if (s && s.yLabels && s.yTicks && s.yTicks[i] === v) return s.yLabels[i];
                const x = Number(v);
                if (x === 0) return '0';
                return Math.abs(x) >= 0.001 && Math.abs(x) < 1e5 ? String(+x.toPrecision(3)) : x.toExponential(1);
              },
            },
            title: { display: !!spec.yLabel, text: spec.yLabel || '', font: { size: 12 } },
          },
        },
      },
    });
    this._chart.$logY = !!spec.logY;
  }

  /** For tests: the y axis's tick labels as drawn. */
  tickLabels() {
    return this._chart ? this._chart.scales.y.ticks.map((t) => t.label) : [];
  }

  /** For tests: the number of points per series as drawn. */
  pointCounts() {
    return this._chart ? this._chart.data.datasets.map((d) => d.data.length) : [];
  }
}

customElements.define('gradsheet-chart', GradsheetChart);
