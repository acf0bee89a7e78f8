// <gradsheet-visibility>: tells the server whether the browser shows the page (Page Visibility API),
// so a tab behind another, or a minimised window, is sent no redraws until it is shown again.
class GradsheetVisibility extends HTMLElement {
  connectedCallback() {
    this.style.display = 'none';
    this._report = () => this.dispatchEvent(new CustomEvent('gs-visibility', { detail: { hidden: document.hidden } }));
    document.addEventListener('visibilitychange', this._report);
    this._report();
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this._report);
  }
}
if (!customElements.get('gradsheet-visibility')) {
  customElements.define('gradsheet-visibility', GradsheetVisibility);
}
