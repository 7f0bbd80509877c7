/* Quizzes: enhances the worksheets rendered by macros/quiz (see "Write a quiz").
   No dependencies, no requests. Nothing is stored unless the reader ticks "Remember my
   answers". Scoring mirrors macros/quiz/scoring.py (tests check that both agree). */
(function () {
  "use strict";
  var D = document;

  function all(root, sel) {
    return Array.prototype.slice.call(root.querySelectorAll(sel));
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return k in values ? values[k] : m;
    });
  }
  function make(tag, cls, text) {
    var e = D.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function round(x) {
    return (Math.round(x * 10) / 10).toFixed(1);
  }
  // Storage that is missing, disabled or throwing is treated as absent.
  function storage(name) {
    try {
      var s = window[name];
      s.getItem("");
      return s;
    } catch (e) {
      return null;
    }
  }
  function scope() {
    return (window.__md_scope ? __md_scope.pathname : "/") + ".";
  }
  function day(t) {
    return new Date(t).toLocaleDateString(D.documentElement.lang || undefined);
  }

  function init(f) {
    if (f.hasAttribute("data-quiz-init")) return;
    f.setAttribute("data-quiz-init", "");
    function one(sel) {
      return f.querySelector(sel);
    }
    var S = JSON.parse(f.getAttribute("data-quiz-strings")),
      id = f.getAttribute("data-quiz"),
      type = f.getAttribute("data-quiz-type"),
      version = +f.getAttribute("data-quiz-version"),
      days = +f.getAttribute("data-quiz-days"),
      key = scope() + "hi-quiz:" + id,
      res = one("[data-quiz-result]"),
      prog = one("[data-quiz-progress]"),
      remember = one("[data-quiz-remember]"),
      saved = one("[data-quiz-saved]"),
      support = one("[data-quiz-support]"),
      after = one("[data-quiz-after]"),
      items = all(f, "[data-quiz-item],[data-quiz-q],[data-quiz-prompt]");

    all(f, "[data-quiz-js]").forEach(function (e) {
      e.hidden = false;
    });
    if (support) support.hidden = true;

    function answers() {
      var a = {};
      all(f, "[name]").forEach(function (i) {
        if (i.type == "radio" || i.type == "checkbox") {
          if (i.checked) (a[i.name] = a[i.name] || []).push(i.value);
        } else if (i.value) a[i.name] = i.value;
      });
      return a;
    }
    function restore(a) {
      all(f, "[name]").forEach(function (i) {
        var v = a[i.name];
        if (i.type == "radio" || i.type == "checkbox") {
          i.checked = Array.isArray(v) && v.indexOf(i.value) >= 0;
        } else i.value = typeof v == "string" ? v : "";
      });
    }
    function answered(it) {
      return all(it, ":checked").length > 0 || all(it, "textarea").some(function (t) {
        return t.value.trim();
      });
    }
    function progress() {
      prog.textContent = fill(S.progress, { n: items.filter(answered).length, total: items.length });
    }
    function showSaved(d) {
      saved.textContent = d ? fill(S.saved, { date: day(d.at), until: day(d.until) }) : "";
    }
    function save() {
      var s = storage("localStorage"), now = Date.now();
      if (!remember.checked || !s) return;
      var d = { v: version, at: now, until: now + days * 864e5, a: answers() };
      try {
        s.setItem(key, JSON.stringify(d));
        showSaved(d);
      } catch (e) {}
    }
    function forget() {
      var s = storage("localStorage");
      try {
        if (s) s.removeItem(key);
      } catch (e) {}
      remember.checked = false;
      showSaved();
    }
    // Saved answers that are corrupt, expired or from another version are ignored quietly.
    function load() {
      var s = storage("localStorage"), d = null;
      try {
        d = JSON.parse(s.getItem(key));
      } catch (e) {}
      if (!d) return;
      if (d.v !== version || !(d.until > Date.now()) || !d.a || typeof d.a != "object") {
        try {
          s.removeItem(key);
        } catch (e) {}
        return;
      }
      restore(d.a);
      remember.checked = true;
      showSaved(d);
      all(f, ":checked").forEach(flag);
    }
    // An answer flagged with support_if shows the support panel at once, next to it.
    function flag(input) {
      var it = input.closest("[data-quiz-support-if]");
      if (it && input.checked && it.getAttribute("data-quiz-support-if").split(" ").indexOf(input.value) >= 0) {
        it.after(support);
        support.hidden = false;
      }
    }
    function clear() {
      restore({});
      res.textContent = "";
      if (after) after.hidden = true;
      f.classList.remove("hi-quiz--done");
      all(f, "[data-quiz-fb],[data-quiz-explain]").forEach(function (e) {
        e.hidden = true;
      });
      all(f, "[data-quiz-verdict]").forEach(function (e) {
        e.textContent = "";
      });
      progress();
    }
    function heading(text) {
      res.textContent = "";
      var h = make("h3", "hi-quiz__result-title", text);
      h.tabIndex = -1;
      res.append(h);
      return h;
    }

    function reflect() {
      var scale = f.getAttribute("data-quiz-scale").split(" ").map(Number),
        lo = scale[0],
        hi = scale[scale.length - 1],
        min = +f.getAttribute("data-quiz-min"),
        got = { "": [] },
        total = { "": 0 },
        key = one("[data-quiz-key]");
      items.forEach(function (it) {
        var d = it.getAttribute("data-quiz-dim"), c = it.querySelector(":checked"), v = c ? +c.value : NaN;
        got[d] = got[d] || [];
        total[d] = (total[d] || 0) + 1;
        total[""]++;
        if (scale.indexOf(v) >= 0) {
          if (it.hasAttribute("data-quiz-reverse")) v = hi + lo - v;
          got[d].push(v);
          got[""].push(v);
        }
      });
      function score(d) {
        var v = got[d], n = v.length;
        if (!n || n / total[d] < min - 1e-9) return null;
        return v.reduce(function (a, b) { return a + b; }, 0) / n;
      }
      function band(d, s) {
        return all(key, "[data-quiz-band]").filter(function (b) {
          var a = +b.getAttribute("data-min"), z = +b.getAttribute("data-max");
          return b.getAttribute("data-quiz-band") === d && ((a <= s && s < z) || (s == z && z == hi));
        })[0];
      }
      var h = heading(S.result), note = one("[data-quiz-note]"), chart = make("ul", "hi-quiz__chart"), parts = all(key, "[data-quiz-part]");
      if (note) res.append(note.cloneNode(true));
      parts.unshift(parts.pop());
      parts.forEach(function (p, i) {
        var d = p.getAttribute("data-quiz-part"),
          title = d ? p.querySelector("h3").textContent : S.overall,
          s = score(d),
          box = make("div", "hi-quiz__part-result"),
          shown = s == null ? S.no_score : fill(S.score, { score: round(s), max: hi });
        box.setAttribute("data-quiz-score-of", d);
        if (s != null) box.setAttribute("data-quiz-score", round(s));
        box.append(make("h4", "", title), make("p", "hi-quiz__score", shown));
        var b = s != null && band(d, s);
        if (b) {
          b = b.cloneNode(true);
          b.removeAttribute("data-quiz-band");
          b.querySelector(".hi-quiz__range").remove();
          box.append(b);
        }
        if (d) {
          var row = make("li", "hi-quiz__row"), bar = make("span", "hi-quiz__bar"), fillBar = make("span", "hi-quiz__fill");
          fillBar.style.width = s == null ? 0 : ((s - lo) / (hi - lo)) * 100 + "%";
          bar.setAttribute("aria-hidden", "true");
          bar.append(fillBar);
          row.append(make("span", "hi-quiz__label", title), bar, make("span", "hi-quiz__value", s == null ? "–" : fill(S.score, { score: round(s), max: hi })));
          chart.append(row);
        }
        res.append(box);
        if (!i) res.append(make("h4", "", S.profile), chart);
      });
      return h;
    }

    function check(q) {
      var inputs = all(q, "input"),
        any = inputs.some(function (i) { return i.checked; }),
        ok = inputs.every(function (i) { return i.checked == i.hasAttribute("data-quiz-correct"); }),
        x = q.querySelector("[data-quiz-explain]");
      q.querySelector("[data-quiz-verdict]").textContent = any ? (ok ? S.in_line : S.not_quite) : S.unanswered;
      inputs.forEach(function (i) {
        var fb = q.querySelector('[data-quiz-fb="' + i.value + '"]');
        if (fb) fb.hidden = !any || !(i.checked || i.hasAttribute("data-quiz-correct"));
      });
      if (x) x.hidden = !any;
      return any && ok;
    }
    function knowledge() {
      var right = items.filter(check).length, h = heading(S.summary_heading), sum = one("[data-quiz-summary]");
      res.setAttribute("data-quiz-right", right);
      res.append(make("p", "hi-quiz__score", fill(S.known, { right: right, total: items.length })));
      if (sum) res.append(make("p", "", sum.textContent));
      return h;
    }

    function summary() {
      var out = [one(".hi-quiz__title").textContent, day(Date.now()), ""];
      items.forEach(function (it) {
        var t = it.querySelector("textarea"),
          a = all(it, ":checked").map(function (i) { return i.parentNode.textContent.trim(); }).join("; ");
        out.push(it.querySelector(".hi-quiz__legend").textContent.trim(), a || (t && t.value) || S.unanswered, "");
      });
      if (res.textContent) out.push(res.innerText);
      return out.join("\n");
    }
    function download() {
      var a = make("a"), url = URL.createObjectURL(new Blob([summary()], { type: "text/plain;charset=utf-8" }));
      a.href = url;
      a.download = id + ".txt";
      D.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1e3);
      if (!f.classList.contains("hi-quiz--done")) res.textContent = S.ready;
    }

    f.addEventListener("change", function (e) {
      if (e.target == remember) return remember.checked ? save() : forget();
      progress();
      save();
      if (support) flag(e.target);
    });
    f.addEventListener("input", function (e) {
      if (e.target.tagName == "TEXTAREA") {
        progress();
        save();
      }
    });
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      var h = type == "self-reflection" ? reflect() : knowledge();
      f.classList.add("hi-quiz--done");
      if (after) after.hidden = false;
      if (support) {
        (after || res).after(support);
        support.hidden = false;
      }
      h.focus();
    });
    f.addEventListener("click", function (e) {
      var b = e.target.closest("[data-quiz-do]"), act = b && b.getAttribute("data-quiz-do");
      if (act == "reset") {
        clear();
        save();
      } else if (act == "erase") {
        clear();
        forget();
        res.textContent = S.erased;
      } else if (act == "print") window.print();
      else if (act == "download") download();
      else if (act == "check") check(b.closest("[data-quiz-q]"));
    });
    load();
    progress();
  }

  // "Erase everything this site saved": every key under this site's path, in both storages.
  function eraseAll(box) {
    if (box.hasAttribute("data-quiz-init")) return;
    box.setAttribute("data-quiz-init", "");
    var button = box.querySelector("button");
    button.hidden = false;
    button.addEventListener("click", function () {
      ["localStorage", "sessionStorage"].forEach(function (name) {
        var s = storage(name);
        try {
          for (var i = s.length; i--; ) if (s.key(i).indexOf(scope()) == 0) s.removeItem(s.key(i));
        } catch (e) {}
      });
      box.querySelector("[data-quiz-status]").textContent = box.getAttribute("data-done");
    });
  }

  function start() {
    all(D, "form[data-quiz]").forEach(init);
    all(D, "[data-quiz-erase-all]").forEach(eraseAll);
  }
  if (window.document$) document$.subscribe(start);
  else if (D.readyState == "loading") D.addEventListener("DOMContentLoaded", start);
  else start();
})();
