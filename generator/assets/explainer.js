// The navigation drawer on narrow screens. Material opens it with a hidden checkbox (#__drawer) and slides it
// in from off screen; closed, its links could still be reached with Tab, though no one can see them. Here the
// header's menu button opens and closes it, and a closed drawer is inert: nothing in it takes focus.
// Served as a file of the site, so the Content-Security-Policy needs no inline script for it.
(() => {
  "use strict";
  const toggle = document.getElementById("__drawer");
  const drawer = document.querySelector(".md-sidebar--primary");
  const button = document.querySelector("[data-ex-drawer-button]");
  if (!(toggle instanceof HTMLInputElement) || !drawer) {
    return;
  }
  // Material's breakpoint: from this width on, the navigation is a sidebar always in view.
  const sidebar = window.matchMedia("(min-width: 76.25em)");
  const update = () => {
    drawer.inert = !sidebar.matches && !toggle.checked;
    if (button) {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }
  };
  if (button) {
    button.addEventListener("click", () => {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
    });
  }
  // Escape closes an open drawer and gives focus back to the button that opened it.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked && !sidebar.matches) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      if (button) {
        button.focus();
      }
    }
  });
  toggle.addEventListener("change", update);
  sidebar.addEventListener("change", update);
  update();
})();
