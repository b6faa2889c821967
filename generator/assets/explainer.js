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

// Search. Pagefind's dialog, with its script and stylesheet, is loaded the first time a reader searches (the
// header's search button, or "/"), so that a page costs no more for the readers who never do. Pointing at or
// focusing the button starts the download early; what is typed while it downloads goes into the search box.
(() => {
  "use strict";
  const button = document.querySelector("[data-ex-search-script]");
  const modal = document.querySelector("pagefind-modal");
  if (!(button instanceof HTMLElement) || !modal) {
    return;
  }
  let loading = null;
  const load = () => {
    if (loading === null) {
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = button.dataset.exSearchStyle;
      document.head.append(style);
      const script = document.createElement("script");
      script.src = button.dataset.exSearchScript;
      // A download that fails (offline, say) must not leave the keys held for a box that never comes: the
      // next search tries again.
      script.addEventListener("error", () => {
        script.remove();
        style.remove();
        loading = null;
        typed = null;
      });
      document.head.append(script);
      loading = customElements.whenDefined("pagefind-modal");
    }
    return loading;
  };
  let typed = null; // the keys pressed between asking for search and its box taking focus
  const open = () => {
    if (typed !== null || modal.isOpen) {
      return;
    }
    typed = "";
    load().then(() => {
      modal.open();
      // The dialog focuses its box in the next frame; this runs after that.
      requestAnimationFrame(() => {
        const box = modal.querySelector("input");
        if (typed && box instanceof HTMLInputElement) {
          box.value += typed;
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }
        typed = null;
      });
    });
  };
  button.addEventListener("pointerenter", load, { once: true });
  button.addEventListener("focus", load, { once: true });
  button.addEventListener("click", open);
  const typing = (target) =>
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  // In the capture phase, before the theme's own keys ("n" and "p" go to the next and previous page): keys meant
  // for the search box do nothing else.
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      if (typed !== null && event.key.length === 1) {
        typed += event.key;
      } else if (event.key === "/" && !typing(event.target)) {
        open();
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    { capture: true },
  );
})();
