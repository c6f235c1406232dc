// Live reload for policygen serve. The page knows the build it came from;
// the event stream says which build is current when it connects ("hello")
// and which pages each rebuild changed ("change"). The tab reloads when its
// page or the style sheet changed, and when it connects to a newer build
// than its own (a change it missed while loading or disconnected, or a
// restarted server).
(function () {
  "use strict";
  var generation = document.currentScript.getAttribute("data-generation");
  var events = new EventSource("/_policygen/events");
  events.addEventListener("hello", function (e) {
    if (e.data !== generation) {
      location.reload();
    }
  });
  events.addEventListener("change", function (e) {
    var changed = e.data.split("\n");
    if (changed.indexOf("*") >= 0 || changed.indexOf(location.pathname) >= 0 || changed.indexOf("/style.css") >= 0) {
      location.reload();
    }
  });
})();
