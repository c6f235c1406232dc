// Live reload for policygen serve: reloads this tab when a rebuild changed
// its page or the style sheet, and when the server restarted or the tab
// missed a rebuild while it was disconnected.
(function () {
  "use strict";
  var generation = null;
  var events = new EventSource("/_policygen/events");
  events.addEventListener("hello", function (e) {
    if (generation !== null && generation !== e.data) {
      location.reload();
    }
    generation = e.data;
  });
  events.addEventListener("change", function (e) {
    var changed = e.data.split("\n");
    var here = location.pathname;
    if (changed.indexOf("*") >= 0 || changed.indexOf(here) >= 0 || changed.indexOf("/style.css") >= 0) {
      location.reload();
    }
  });
})();
