/* Quizzes (macros/quiz). Stores nothing unless "Remember" is ticked. */
(() => {
  "use strict";
  const D = document;
  const all = (root, sel) => [...root.querySelectorAll(sel)];
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const round = (x) => (Math.round(x * 10) / 10).toFixed(1);
  const day = (t) => new Date(t).toLocaleDateString(D.documentElement.lang || undefined);
  const scope = () => (window.__md_scope ? __md_scope.pathname : "/") + ".";
  const isChoice = (i) => i.type == "radio" || i.type == "checkbox";
  // Storage may be missing or throw on any use.
  const quiet = (fn) => {
    try {
      return fn();
    } catch {}
  };
  const storage = (name) => quiet(() => window[name]);
  function make(tag, cls, ...kids) {
    const e = D.createElement(tag);
    if (cls) e.className = cls;
    e.append(...kids);
    return e;
  }

  function init(f) {
    const one = (sel) => f.querySelector(sel),
      ds = f.dataset,
      S = JSON.parse(ds.quizStrings),
      version = +ds.quizVersion,
      key = scope() + "hi-quiz:" + ds.quiz,
      res = one("[data-quiz-result]"),
      remember = one("[data-quiz-remember]"),
      support = one("[data-quiz-support]"),
      after = one("[data-quiz-after]"),
      items = all(f, "[data-quiz-item],[data-quiz-q],[data-quiz-prompt]");

    all(f, "[data-quiz-js]").forEach((e) => (e.hidden = false));
    if (support) support.hidden = true;

    function answers() {
      const a = {};
      all(f, "[name]").forEach((i) => {
        if (isChoice(i)) {
          if (i.checked) (a[i.name] = a[i.name] || []).push(i.value);
        } else if (i.value) a[i.name] = i.value;
      });
      return a;
    }
    function restore(a) {
      all(f, "[name]").forEach((i) => {
        const v = a[i.name];
        if (isChoice(i)) i.checked = Array.isArray(v) && v.includes(i.value);
        else i.value = typeof v == "string" ? v : "";
      });
    }
    const answered = (it) => all(it, ":checked").length || all(it, "textarea").some((t) => t.value.trim());
    function progress() {
      one("[data-quiz-progress]").textContent = fill(S.progress, {
        n: items.filter(answered).length,
        total: items.length,
      });
    }
    function showSaved(d) {
      one("[data-quiz-saved]").textContent = d ? fill(S.saved, { date: day(d.at), until: day(d.until) }) : "";
    }
    function save() {
      const s = storage("localStorage"), now = Date.now();
      if (!remember.checked || !s) return;
      const d = { v: version, at: now, until: now + ds.quizDays * 864e5, a: answers() };
      quiet(() => {
        s.setItem(key, JSON.stringify(d));
        showSaved(d);
      });
    }
    const drop = () => quiet(() => storage("localStorage").removeItem(key));
    function forget() {
      drop();
      remember.checked = false;
      showSaved();
    }
    function load() {
      const d = quiet(() => JSON.parse(storage("localStorage").getItem(key)));
      if (!d || d.v !== version || !(d.until > Date.now()) || !d.a || typeof d.a != "object") return drop();
      restore(d.a);
      remember.checked = true;
      showSaved(d);
      all(f, ":checked").forEach(flag);
    }
    function showSupport(next) {
      next.after(support);
      support.hidden = false;
    }
    function flag(input) {
      const it = input.closest("[data-quiz-support-if]");
      if (support && it && input.checked && it.dataset.quizSupportIf.split(" ").includes(input.value)) {
        showSupport(it);
      }
    }
    function clear() {
      restore({});
      res.textContent = "";
      if (after) after.hidden = true;
      f.classList.remove("hi-quiz--done");
      all(f, "[data-quiz-fb],[data-quiz-explain]").forEach((e) => (e.hidden = true));
      all(f, "[data-quiz-verdict]").forEach((e) => (e.textContent = ""));
      progress();
    }
    function heading(text) {
      const h = make("h3", "hi-quiz__result-title", text);
      h.tabIndex = -1;
      res.replaceChildren(h);
      return h;
    }

    // Mirrors macros/quiz/scoring.py.
    function reflect() {
      const scale = ds.quizScale.split(" ").map(Number),
        lo = scale[0],
        hi = scale[scale.length - 1],
        sheet = one("[data-quiz-key]");
      function value(it) {
        const c = it.querySelector(":checked"), v = c ? +c.value : NaN;
        if (scale.includes(v)) return "quizReverse" in it.dataset ? hi + lo - v : v;
      }
      function score(d) {
        const mine = items.filter((it) => !d || it.dataset.quizDim == d),
          v = mine.map(value).filter((x) => x != null);
        if (!v.length || v.length / mine.length < ds.quizMin - 1e-9) return null;
        return v.reduce((a, b) => a + b, 0) / v.length;
      }
      const band = (d, s) =>
        all(sheet, "[data-quiz-band]").find((b) => {
          const a = +b.dataset.min, z = +b.dataset.max;
          return b.dataset.quizBand === d && ((a <= s && s < z) || (s == z && z == hi));
        });
      const h = heading(S.result), note = one("[data-quiz-note]"), chart = make("ul", "hi-quiz__chart");
      const parts = all(sheet, "[data-quiz-part]");
      if (note) res.append(note.cloneNode(true));
      parts.unshift(parts.pop());
      parts.forEach((p, i) => {
        const d = p.dataset.quizPart,
          title = d ? p.querySelector("h3").textContent : S.overall,
          s = score(d),
          has = s != null,
          shown = has && fill(S.score, { score: round(s), max: hi }),
          box = make("div", "hi-quiz__part-result", make("h4", "", title), make("p", "hi-quiz__score", has ? shown : S.no_score));
        let b = has && band(d, s);
        box.dataset.quizScoreOf = d;
        if (has) box.dataset.quizScore = round(s);
        if (b) {
          b = b.cloneNode(true);
          b.removeAttribute("data-quiz-band");
          b.querySelector(".hi-quiz__range").remove();
          box.append(b);
        }
        if (d) {
          const bit = make("span", "hi-quiz__fill"), bar = make("span", "hi-quiz__bar", bit);
          bit.style.width = has ? ((s - lo) / (hi - lo)) * 100 + "%" : 0;
          bar.setAttribute("aria-hidden", "true");
          chart.append(make("li", "hi-quiz__row", make("span", "hi-quiz__label", title), bar, make("span", "hi-quiz__value", has ? shown : "–")));
        }
        res.append(box);
        if (!i) res.append(make("h4", "", S.profile), chart);
      });
      return h;
    }

    function check(q) {
      const inputs = all(q, "input"),
        right = (i) => "quizCorrect" in i.dataset,
        any = inputs.some((i) => i.checked),
        ok = inputs.every((i) => i.checked == right(i)),
        x = q.querySelector("[data-quiz-explain]");
      q.querySelector("[data-quiz-verdict]").textContent = any ? (ok ? S.in_line : S.not_quite) : S.unanswered;
      inputs.forEach((i) => {
        const fb = q.querySelector(`[data-quiz-fb="${i.value}"]`);
        if (fb) fb.hidden = !any || !(i.checked || right(i));
      });
      if (x) x.hidden = !any;
      return any && ok;
    }
    function knowledge() {
      const right = items.filter(check).length, h = heading(S.summary_heading), sum = one("[data-quiz-summary]");
      res.dataset.quizRight = right;
      res.append(make("p", "hi-quiz__score", fill(S.known, { right, total: items.length })));
      if (sum) res.append(make("p", "", sum.textContent));
      return h;
    }

    function summary() {
      const out = [one(".hi-quiz__title").textContent, day(Date.now()), ""];
      items.forEach((it) => {
        const t = it.querySelector("textarea"),
          a = all(it, ":checked").map((i) => i.parentNode.textContent.trim()).join("; ");
        out.push(it.querySelector(".hi-quiz__legend").textContent.trim(), a || (t && t.value) || S.unanswered, "");
      });
      if (res.textContent) out.push(res.innerText);
      return out.join("\n");
    }
    function download() {
      const a = make("a"), url = URL.createObjectURL(new Blob([summary()], { type: "text/plain;charset=utf-8" }));
      a.href = url;
      a.download = ds.quiz + ".txt";
      D.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1e3);
      if (!f.classList.contains("hi-quiz--done")) res.textContent = S.ready;
    }

    f.addEventListener("change", (e) => {
      if (e.target == remember) return remember.checked ? save() : forget();
      progress();
      save();
      flag(e.target);
    });
    f.addEventListener("input", (e) => {
      if (e.target.tagName != "TEXTAREA") return;
      progress();
      save();
    });
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      const h = ds.quizType == "self-reflection" ? reflect() : knowledge();
      f.classList.add("hi-quiz--done");
      if (after) after.hidden = false;
      if (support) showSupport(after || res);
      h.focus();
    });
    f.addEventListener("click", (e) => {
      const b = e.target.closest("[data-quiz-do]"), act = b && b.dataset.quizDo;
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

  function eraseAll(box) {
    const button = box.querySelector("button");
    button.hidden = false;
    button.addEventListener("click", () => {
      ["localStorage", "sessionStorage"].forEach((name) => {
        const s = storage(name);
        quiet(() => Object.keys(s).forEach((k) => k.startsWith(scope()) && s.removeItem(k)));
      });
      box.querySelector("[data-quiz-status]").textContent = box.dataset.done;
    });
  }

  // Instant navigation reruns start().
  function start() {
    all(D, "form[data-quiz],[data-quiz-erase-all]").forEach((e) => {
      if ("quizInit" in e.dataset) return;
      e.dataset.quizInit = "";
      ("quizEraseAll" in e.dataset ? eraseAll : init)(e);
    });
  }
  if (window.document$) document$.subscribe(start);
  else if (D.readyState == "loading") D.addEventListener("DOMContentLoaded", start);
  else start();
})();
