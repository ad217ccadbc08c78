// Actor suggestions for the filter form: names in any script or inflection, from /api/actors.
(function () {
  "use strict";
  const input = document.querySelector("input[data-suggest='actors']");
  const list = document.getElementById("actor-suggestions");
  if (!input || !list) return;
  let timer = null;
  let last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  function suggest() {
    const query = input.value.trim();
    if (query.length < 2 || query === last) return;
    last = query;
    fetch("/api/actors?limit=12&q=" + encodeURIComponent(query))
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (body) {
        list.replaceChildren();
        for (const actor of body.items || []) {
          const option = document.createElement("option");
          option.value = actor.name;
          option.label = actor.name + (actor.country ? " · " + actor.country : "") + " · " + actor.n_events + " events";
          list.appendChild(option);
        }
      })
      .catch(function () { /* suggestions are a convenience; typing still works */ });
  }
})();
