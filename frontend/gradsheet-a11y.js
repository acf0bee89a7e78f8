// Page-wide ARIA repairs (issue 15) for what Vaadin 24.9's web components get wrong.
// Menu items (role="menuitem", e.g. the Examples menu) get aria-selected from Vaadin's item mixin,
// an attribute ARIA does not allow on menu items (axe-core: aria-allowed-attr, critical); screen
// readers may read every example as "not selected". It is removed whenever it appears.
const strip = (el) => {
  if (el.getAttribute && el.getAttribute('role') === 'menuitem' && el.hasAttribute('aria-selected')) {
    el.removeAttribute('aria-selected');
  }
};
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes') {
      strip(r.target);
    } else {
      r.addedNodes.forEach((n) => {
        if (n.nodeType === 1) {
          strip(n);
          n.querySelectorAll('[role="menuitem"][aria-selected]').forEach(strip);
        }
      });
    }
  }
}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected', 'role'] });
