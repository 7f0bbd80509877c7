/*
 * Quizzes (macros/quiz): enhances the worksheets that overrides/partials/quiz/ renders.
 * Nothing leaves the page. Answers stay in memory for this tab; they are stored on the
 * device only when the reader ticks "Remember". Every text comes from data-quiz-strings
 * (macros/quiz/strings.yml). Served minified as docs/assets/javascripts/quiz.js: after an
 * edit here, run `make assets`.
 */
(() => {
  "use strict";

  // Answers kept for this tab (quiz id -> answers), so Back after instant navigation restores them.
  const answersInMemory = new Map();
  // Forms with answers kept nowhere but the page, for the warning before the page unloads.
  const unsavedForms = new Set();
  // Links a reader follows to leave on purpose: the quick exit, crisis lines and referrals.
  // Following one is never questioned by the warning.
  const LEAVING_LINK = "a[data-quick-exit],a[href^=tel],a[href^=sms],a[href^=mailto],[data-hi-support] a,[data-hi-referrals] a";
  // How long (ms) after such a link is followed the warning stays quiet (a tel: link does
  // not unload the page: after this, a reload asks again).
  const LEAVING_WINDOW = 3000;
  // When the reader last followed such a link.
  let leftOnPurposeAt = -Infinity;
  // Screens this narrow show the self-reflection one statement at a time.
  const NARROW_SCREEN = "(max-width: 40em)";
  // How long a tapped answer stays in view before the next statement shows (ms).
  const MOVE_ON_DELAY = 450;
  // An answer given this soon (ms) after a tap or click was given by pointer, not keyboard.
  const POINTER_WINDOW = 1500;

  // Every element under root that matches selector, as an array.
  const findAll = (root, selector) => [...root.querySelectorAll(selector)];

  // The text with each {name} replaced by values[name].
  const fillPlaceholders = (text, values) =>
    text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));

  // The page's language, for dates.
  const language = () => document.documentElement.lang || undefined;

  // A date as the page's language writes it.
  const formatDate = (time) => new Date(time).toLocaleDateString(language());

  // The mean to one decimal, half up, for the golden answer tests (data-quiz-score).
  // Readers never see it: the result gives the band's range instead.
  const oneDecimal = (score) => (Math.round(score * 10) / 10).toFixed(1);

  // The prefix Material gives this site's storage keys (sites on one host stay apart).
  const storagePrefix = () => (window.__md_scope ? __md_scope.pathname : "/") + ".";

  // The result of fn, or undefined if it throws (storage may be missing or refuse any use).
  const quietly = (fn) => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };

  // The browser's storage called name, or undefined when it is refused.
  const storageCalled = (name) => quietly(() => window[name]);

  // Whether a field is a choice (a radio button or a checkbox), not a text box.
  const isChoice = (field) => field.tagName == "INPUT";

  // A new element with a class and children.
  function createElement(tag, className, ...children) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.append(...children);
    return element;
  }

  // Sets up one quiz form: answers, memory, support, results, download and print.
  function setUpQuiz(form) {
    const find = (selector) => form.querySelector(selector);
    const data = form.dataset;
    const text = JSON.parse(data.quizStrings);
    const storageKey = storagePrefix() + "hi-quiz:" + data.quiz;
    const result = find("[data-quiz-result]");
    const rememberBox = find("[data-quiz-remember]");
    const support = find("[data-quiz-support]");
    const supportHome = document.createComment("");
    const afterResult = find("[data-quiz-after]");
    const items = findAll(form, "[data-quiz-item],[data-quiz-q],[data-quiz-prompt]");
    const isSelfReflection = data.quizType == "self-reflection";
    let stepper = null;

    // Every answer in the form: field name -> chosen values, or typed text.
    function readAnswers() {
      const answers = {};
      findAll(form, "[name]").forEach((input) => {
        if (isChoice(input)) {
          if (input.checked) (answers[input.name] = answers[input.name] || []).push(input.value);
        } else if (input.value) answers[input.name] = input.value;
      });
      return answers;
    }

    // Puts answers (as readAnswers gives them) back into the form.
    function writeAnswers(answers) {
      findAll(form, "[name]").forEach((input) => {
        const value = answers[input.name];
        if (isChoice(input)) input.checked = Array.isArray(value) && value.includes(input.value);
        else input.value = typeof value == "string" ? value : "";
      });
    }

    // Whether an item (statement, question or prompt) has an answer.
    const isAnswered = (item) =>
      findAll(item, ":checked").length > 0 || findAll(item, "textarea").some((t) => t.value.trim());

    // Shows "3 of 20 answered" (a polite live region: screen readers hear it too).
    function showProgress() {
      find("[data-quiz-progress]").textContent = fillPlaceholders(text.progress, {
        n: items.filter(isAnswered).length,
        total: items.length,
      });
    }

    // Shows when the answers were stored and until when (nothing when they are not).
    function showSaved(stored) {
      find("[data-quiz-saved]").textContent = stored
        ? fillPlaceholders(text.saved, { date: formatDate(stored.at), until: formatDate(stored.until) })
        : "";
    }

    // Stores the answers on the device, only when the reader ticked "Remember".
    function saveIfRemembered() {
      const storage = storageCalled("localStorage");
      const now = Date.now();
      if (!rememberBox.checked || !storage) return;
      const stored = { v: +data.quizVersion, at: now, until: now + data.quizDays * 864e5, a: readAnswers() };
      quietly(() => {
        storage.setItem(storageKey, JSON.stringify(stored));
        showSaved(stored);
      });
    }

    // Removes the stored answers from the device.
    const dropStored = () => quietly(() => storageCalled("localStorage").removeItem(storageKey));

    // Unticks "Remember" and removes what it stored.
    function forgetStored() {
      dropStored();
      rememberBox.checked = false;
      showSaved();
    }

    // Restores stored answers, if any are there, still valid and of this quiz version.
    function loadStored() {
      const stored = quietly(() => JSON.parse(storageCalled("localStorage").getItem(storageKey)));
      const valid =
        stored && stored.v === +data.quizVersion && stored.until > Date.now() && stored.a && typeof stored.a == "object";
      if (!valid) {
        dropStored();
        return false;
      }
      writeAnswers(stored.a);
      rememberBox.checked = true;
      showSaved(stored);
      return true;
    }

    // Keeps the answers in memory for this tab, and notes whether they are kept nowhere else.
    function keepInMemory() {
      const answers = readAnswers();
      const hasAnswers = Object.keys(answers).length > 0;
      if (hasAnswers) answersInMemory.set(data.quiz, answers);
      else answersInMemory.delete(data.quiz);
      if (hasAnswers && !rememberBox.checked) unsavedForms.add(form);
      else unsavedForms.delete(form);
    }

    // Shows the support panel after place, leading with people to talk to for "connection".
    // Once a crisis statement opened it, crisis lines stay first.
    function showSupport(place, topic) {
      const lines = support.querySelector(".hi-support__lines");
      const people = [support.querySelector(".hi-support__org"), find("[data-quiz-referrals]")].filter(Boolean);
      const connection = topic == "connection" && support.dataset.topic != "crisis";
      findAll(support, "[data-quiz-intro]").forEach((intro) => (intro.hidden = (intro.dataset.quizIntro == "connection") != connection));
      if (lines && connection) lines.before(...people);
      else if (lines) lines.after(...people);
      support.dataset.topic = connection ? "connection" : "crisis";
      place.after(support);
      support.hidden = false;
    }

    // Opens the support panel if this answer is one its statement flags.
    function openSupportFor(input) {
      const item = input.closest("[data-quiz-support-if]");
      if (!support || !item || !input.checked) return false;
      if (!item.dataset.quizSupportIf.split(" ").includes(input.value)) return false;
      support.dataset.quizOpenedBy = item.dataset.quizItem || "";
      showSupport(item, item.dataset.hiSupportTopic);
      return true;
    }

    // Puts the support panel back in its place and hides it (after "Start again").
    function resetSupport() {
      if (!support || !isSelfReflection) return;
      supportHome.after(support);
      support.hidden = true;
      delete support.dataset.topic;
      delete support.dataset.quizOpenedBy;
    }

    // Empties the form and its result.
    function clearAnswers() {
      resetSupport();
      writeAnswers({});
      result.textContent = "";
      if (afterResult) afterResult.hidden = true;
      form.classList.remove("hi-quiz--done");
      findAll(form, "[data-quiz-fb],[data-quiz-explain],[data-quiz-see]").forEach((e) => (e.hidden = true));
      findAll(form, "[data-quiz-verdict]").forEach((e) => (e.textContent = ""));
      findAll(form, "[data-quiz-mark]").forEach((e) => e.remove());
      keepInMemory();
      showProgress();
      if (stepper) stepper.show(0);
    }

    // Replaces the result with a heading that takes focus (no box unless focused by keyboard).
    function resultHeading(title) {
      const heading = createElement("h3", "hi-quiz__result-title", title);
      heading.tabIndex = -1;
      result.replaceChildren(heading);
      return heading;
    }

    // The self-reflection result: a headline, then each part in words, then its range.
    // Scoring mirrors macros/quiz/scoring.py (tests/golden/answers checks both).
    function showReflectionResult() {
      const scale = data.quizScale.split(" ").map(Number);
      const lowest = scale[0];
      const highest = scale[scale.length - 1];
      const scoringKey = find("[data-quiz-key]");
      const scoredItems = items.filter((item) => !("hiUnscored" in item.dataset));

      // The points an item counts for, or undefined when it has none (unanswered, skipped).
      function pointsOf(item) {
        const checked = item.querySelector(":checked");
        const value = checked ? +checked.value : NaN;
        if (!scale.includes(value)) return undefined;
        return "quizReverse" in item.dataset ? highest + lowest - value : value;
      }

      // The mean, answered count and total of a part ("" for all statements together).
      function scorePart(dimension) {
        const mine = scoredItems.filter((item) => !dimension || item.dataset.quizDim == dimension);
        const points = mine.map(pointsOf).filter((p) => p !== undefined);
        const enough = points.length > 0 && points.length / mine.length >= data.quizMin - 1e-9;
        const mean = enough ? points.reduce((a, b) => a + b, 0) / points.length : null;
        return { mean, answered: points.length, total: mine.length };
      }

      // The band of the scoring key that a part's mean falls in.
      const bandFor = (dimension, mean) =>
        findAll(scoringKey, "[data-quiz-band]").find((band) => {
          const min = +band.dataset.min;
          const max = +band.dataset.max;
          return band.dataset.quizBand === dimension && ((min <= mean && mean < max) || (mean == max && max == highest));
        });

      // A copy of a band for the result: its title (unless the headline has it), its words,
      // and at most one link to read next.
      function bandCopy(band, withoutTitle) {
        const copy = band.cloneNode(true);
        copy.removeAttribute("data-quiz-band");
        findAll(copy, ".hi-quiz__range,[data-quiz-more]").forEach((e) => e.remove());
        if (withoutTitle) copy.querySelector(".hi-quiz__band-title").remove();
        return copy;
      }

      // Where the answers fall: the band's own range, in the scoring key's words ("Your
      // range: From 1.5 to below 2.5, on a scale from 0 to 4"). A rounded mean could land
      // across a band's edge (1.46 shows as 1.5 in the band below 1.5); the range cannot.
      function rangeLine(band) {
        const range = band.querySelector(".hi-quiz__range").textContent;
        return createElement("p", "hi-quiz__score", fillPlaceholders(text.score, { range, min: lowest, max: highest }));
      }

      // What to say instead of a range: how many answers a result needs.
      const tooFew = (score) =>
        fillPlaceholders(text.no_score, {
          needed: Math.ceil(data.quizMin * score.total - 1e-9),
          total: score.total,
          answered: score.answered,
        });

      // One part as a group: its name, what its band means, then its range.
      // The overall part leads with the headline sentence instead of a name.
      function partResult(dimension, title) {
        const score = scorePart(dimension);
        const band = score.mean !== null && bandFor(dimension, score.mean);
        const group = createElement("section", "hi-quiz__part-result");
        group.dataset.quizScoreOf = dimension;
        group.append(dimension ? createElement("h4", "", title) : headline(band));
        if (score.mean === null) {
          group.append(createElement("p", "hi-quiz__score", tooFew(score)));
          return group;
        }
        group.dataset.quizScore = oneDecimal(score.mean);
        if (band) group.append(bandCopy(band, !dimension), rangeLine(band));
        return group;
      }

      // The one sentence that comes first: the overall band, or that there are too few answers.
      function headline(band) {
        if (!band) return createElement("p", "hi-quiz__headline", text.headline_none);
        const title = band.querySelector(".hi-quiz__band-title").textContent;
        const [before, after] = text.headline.split("{band}");
        return createElement("p", "hi-quiz__headline", before, createElement("strong", "hi-quiz__band-title", title), after || "");
      }

      const heading = resultHeading(text.result);
      const note = find("[data-quiz-note]");
      const parts = findAll(scoringKey, "[data-quiz-part]")
        .filter((part) => part.dataset.quizPart)
        .map((part) => partResult(part.dataset.quizPart, part.querySelector("h3").textContent));
      const overall = partResult("", text.overall);
      result.append(overall);
      if (note) result.append(note.cloneNode(true));
      const supportPlace = result.lastChild;
      result.append(...parts);
      return { heading, supportPlace };
    }

    // The words that mark an option after "Check my answer": chosen or not, right or not.
    function markFor(input) {
      const right = "quizCorrect" in input.dataset;
      if (input.checked) return [right, right ? text.mark_yours_right : text.mark_yours_wrong];
      return right ? [true, text.mark_right] : null;
    }

    // Checks one knowledge question; marks the chosen and the right answers with words and icons.
    function checkQuestion(question) {
      const inputs = findAll(question, "input");
      const isRight = (input) => "quizCorrect" in input.dataset;
      const answered = inputs.some((input) => input.checked);
      const everyChoiceRight = inputs.every((input) => input.checked == isRight(input));
      findAll(question, "[data-quiz-mark]").forEach((e) => e.remove());
      question.querySelector("[data-quiz-verdict]").textContent = answered
        ? everyChoiceRight
          ? text.in_line
          : text.not_quite
        : text.unanswered;
      inputs.forEach((input) => {
        const feedback = question.querySelector(`[data-quiz-fb="${input.value}"]`);
        const mark = answered && markFor(input);
        if (feedback) feedback.hidden = !mark;
        if (!mark) return;
        const badge = createElement("span", "hi-quiz__mark hi-quiz__mark--" + (mark[0] ? "right" : "wrong"), mark[1]);
        badge.dataset.quizMark = "";
        input.closest("label").after(badge);
      });
      findAll(question, "[data-quiz-explain],[data-quiz-see]").forEach((e) => (e.hidden = !answered));
      return answered && everyChoiceRight;
    }

    // The knowledge-check summary: how many answers are in line with the lesson.
    function showKnowledgeSummary() {
      const right = items.filter(checkQuestion).length;
      const heading = resultHeading(text.summary_heading);
      const summary = find("[data-quiz-summary]");
      result.dataset.quizRight = right;
      result.append(createElement("p", "hi-quiz__score", fillPlaceholders(text.known, { right, total: items.length })));
      if (summary) result.append(createElement("p", "", summary.textContent));
      return { heading, supportPlace: afterResult || result };
    }

    // The words of an option.
    const optionText = (input) => input.closest("label").textContent.trim();

    // The answers (and result) as plain text, for the download.
    function summaryText() {
      const lines = [find(".hi-quiz__title").textContent, formatDate(Date.now()), ""];
      items.forEach((item) => {
        const typed = item.querySelector("textarea");
        const chosen = findAll(item, ":checked").map(optionText).join("; ");
        lines.push(item.querySelector(".hi-quiz__legend").textContent.trim(), chosen || (typed && typed.value) || text.unanswered, "");
      });
      if (result.textContent) lines.push(result.innerText);
      return lines.join("\n");
    }

    // Saves the answers as a text file on the reader's device (nothing is sent anywhere).
    function downloadSummary() {
      const link = createElement("a");
      const url = URL.createObjectURL(new Blob([summaryText()], { type: "text/plain;charset=utf-8" }));
      link.href = url;
      link.download = data.quiz + ".txt";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1e3);
      unsavedForms.delete(form);
      if (!form.classList.contains("hi-quiz--done")) result.textContent = text.ready;
    }

    // Shows the result (or summary), support near its top when an answer opened it.
    function showResult() {
      const { heading, supportPlace } = isSelfReflection ? showReflectionResult() : showKnowledgeSummary();
      form.classList.add("hi-quiz--done");
      if (afterResult) afterResult.hidden = false;
      if (support && (!isSelfReflection || !support.hidden)) showSupport(supportPlace, support.dataset.topic);
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }

    // The answers "Start again" cleared, until the reader undoes it or answers again.
    let clearedAnswers = null;
    const undoButton = find("[data-quiz-do=undo]");

    // Offers (or stops offering) to put back the answers "Start again" cleared.
    function offerUndo(answers) {
      clearedAnswers = answers;
      if (undoButton) undoButton.hidden = !answers;
    }

    // "Start again": clears the answers and offers to put them back.
    function startAgain() {
      const answers = readAnswers();
      clearAnswers();
      if (!Object.keys(answers).length) return;
      offerUndo(answers);
      result.textContent = text.cleared;
    }

    // Puts back the answers "Start again" cleared.
    function undoStartAgain() {
      if (!clearedAnswers) return;
      writeAnswers(clearedAnswers);
      offerUndo(null);
      result.textContent = "";
      syncWithFields();
      saveIfRemembered();
      find("[data-quiz-do=reset]").focus();
    }

    // Makes everything the reader sees agree with the fields as they are now: after the
    // browser put back the answers of a page it loaded again (Back, a restored tab), or
    // after an undo. Count, memory, support panel and the statement shown.
    function syncWithFields() {
      synced = JSON.stringify(readAnswers());
      keepInMemory();
      findAll(form, ":checked").forEach(openSupportFor);
      showProgress();
      if (stepper) stepper.show(stepper.firstUnanswered());
    }

    // The answers the page last showed (see syncWithFields).
    let synced = "";

    // Syncs, only when the fields hold other answers than the page last showed.
    const syncIfRestored = () => JSON.stringify(readAnswers()) != synced && syncWithFields();

    // The buttons' jobs, by their data-quiz-do.
    const actions = {
      reset: startAgain,
      undo: undoStartAgain,
      erase: () => {
        clearAnswers();
        forgetStored();
        result.textContent = text.erased;
      },
      print: () => window.print(),
      download: downloadSummary,
      check: (button) => checkQuestion(button.closest("[data-quiz-q]")),
      back: () => stepper.move(-1),
      next: () => stepper.move(1),
      layout: () => stepper.switchLayout(),
      support: () => {
        support.focus({ preventScroll: true });
        support.scrollIntoView({ block: "start" });
      },
    };

    // Notes each answer: progress, memory, storage if remembered, support.
    form.addEventListener("change", (event) => {
      if (event.target == rememberBox) {
        if (rememberBox.checked) saveIfRemembered();
        else forgetStored();
        keepInMemory();
        return;
      }
      offerUndo(null);
      showProgress();
      saveIfRemembered();
      keepInMemory();
      const opened = openSupportFor(event.target);
      synced = JSON.stringify(readAnswers());
      if (stepper) stepper.answered(event.target, opened);
    });
    // Notes typing in a prompt.
    form.addEventListener("input", (event) => {
      if (event.target.tagName != "TEXTAREA") return;
      showProgress();
      saveIfRemembered();
      keepInMemory();
    });
    // Enter on an answer never submits the quiz; one statement at a time, it moves on.
    form.addEventListener("keydown", (event) => {
      if (event.key != "Enter" || !event.target.matches("input")) return;
      event.preventDefault();
      if (stepper && stepper.isOn() && event.target.closest("[data-quiz-item]")) stepper.move(1);
    });
    // The submit button shows the result; nothing is sent (method="dialog" in the template).
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      showResult();
    });
    // Runs the job of the button clicked.
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-quiz-do]");
      const action = button && actions[button.dataset.quizDo];
      if (action && button.tagName == "A") event.preventDefault();
      if (action) action(button);
    });

    findAll(form, "[data-quiz-js]").forEach((element) => (element.hidden = false));
    if (support && isSelfReflection) {
      support.before(supportHome);
      support.hidden = true;
    }
    if (!loadStored() && answersInMemory.has(data.quiz)) writeAnswers(answersInMemory.get(data.quiz));
    keepInMemory();
    findAll(form, ":checked").forEach(openSupportFor);
    showProgress();
    if (isSelfReflection) stepper = setUpOneAtATime(form, items, text);
    synced = JSON.stringify(readAnswers());
    form.hiSync = syncIfRestored;
  }

  // On narrow screens, shows one statement at a time with Back, Next and a switch to all.
  function setUpOneAtATime(form, items, text) {
    const narrow = window.matchMedia(NARROW_SCREEN);
    const step = form.querySelector("[data-quiz-step]");
    const nav = form.querySelector("[data-quiz-step-nav]");
    const layoutButton = form.querySelector("[data-quiz-do=layout]");
    const backButton = nav.querySelector("[data-quiz-do=back]");
    const allOnOnePage = layoutButton.textContent;
    const supportLink = form.querySelector("[data-quiz-support-link]");
    // The first statement without an answer (the first one when all are answered).
    const firstUnanswered = () => Math.max(0, items.findIndex((item) => !item.querySelector(":checked")));
    let current = firstUnanswered();
    let readerWantsAll = false;
    let lastPointerAt = 0;
    let moveOnTimer = 0;

    // Whether statements show one at a time now.
    const isOn = () => narrow.matches && !readerWantsAll;

    // Shows statement number index alone (when one at a time), optionally moving focus to it.
    function show(index, focus) {
      const on = isOn();
      current = Math.min(Math.max(index, 0), items.length - 1);
      form.classList.toggle("hi-quiz--one", on);
      items.forEach((item, i) => (item.hidden = on && i != current));
      step.hidden = nav.hidden = !on;
      form.querySelector("[data-quiz-layout]").hidden = !narrow.matches;
      layoutButton.textContent = on ? allOnOnePage : layoutButton.dataset.one;
      backButton.hidden = current == 0;
      step.textContent = fillPlaceholders(text.step, { n: current + 1, total: items.length });
      placeSupport(on);
      if (on && focus) {
        items[current].tabIndex = -1;
        items[current].focus();
      }
    }

    // One at a time, an open support panel follows the statement that opened it; with
    // later statements it waits below Back and Next, and a short link leads to it, so
    // the next statement is never pushed off the screen.
    function placeSupport(on) {
      const support = form.querySelector("[data-quiz-support]:not([hidden])");
      const open = on && support && !form.classList.contains("hi-quiz--done");
      const own = open && support.dataset.quizOpenedBy == items[current].dataset.quizItem;
      const opener = support && items.find((item) => item.dataset.quizItem == support.dataset.quizOpenedBy);
      if (own || (!on && opener && !form.classList.contains("hi-quiz--done"))) opener.after(support);
      else if (open) form.querySelector("[data-quiz-layout]").after(support);
      if (supportLink) supportLink.hidden = !open || own;
    }

    // Moves by one statement; past the last, to the button that shows the result.
    function move(by) {
      clearTimeout(moveOnTimer);
      if (current + by >= items.length) return form.querySelector("button[type=submit]").focus();
      show(current + by, true);
    }

    // After a tapped answer, moves on gently, unless the answer opened the support panel.
    function answered(input, openedSupport) {
      const byPointer = Date.now() - lastPointerAt < POINTER_WINDOW;
      if (!isOn() || openedSupport || !byPointer || input.closest("[data-quiz-item]") != items[current]) return;
      clearTimeout(moveOnTimer);
      moveOnTimer = setTimeout(() => move(1), MOVE_ON_DELAY);
    }

    // Switches between one statement at a time and all statements on one page.
    function switchLayout() {
      readerWantsAll = !readerWantsAll;
      show(current, isOn());
      if (!isOn()) layoutButton.focus();
    }

    // Notes a tap or click on an answer (the keyboard moves on with Enter instead).
    form.addEventListener("pointerdown", (event) => {
      lastPointerAt = event.target.closest(".hi-quiz__choice") ? Date.now() : 0;
    });
    form.addEventListener("keydown", () => (lastPointerAt = 0));
    narrow.addEventListener("change", () => show(current));
    show(current);
    return { isOn, show, move, answered, switchLayout, firstUnanswered };
  }

  // Sets up "Erase everything this site saved" on the privacy page.
  function setUpEraseAll(box) {
    const button = box.querySelector("button");
    button.hidden = false;
    button.addEventListener("click", () => {
      answersInMemory.clear();
      ["localStorage", "sessionStorage"].forEach((name) => {
        const storage = storageCalled(name);
        quietly(() => Object.keys(storage).forEach((key) => key.startsWith(storagePrefix()) && storage.removeItem(key)));
      });
      box.querySelector("[data-quiz-status]").textContent = box.dataset.done;
    });
  }

  // Notes that the reader follows a link to leave on purpose (see LEAVING_LINK).
  function noteLeavingOnPurpose(event) {
    if (event.target.closest && event.target.closest(LEAVING_LINK)) leftOnPurposeAt = Date.now();
  }

  // Asks before a reload, close or full navigation would lose answers kept nowhere else;
  // never when the reader leaves on purpose (the quick exit, a crisis line, a referral).
  function warnBeforeLosingAnswers(event) {
    if (Date.now() - leftOnPurposeAt < LEAVING_WINDOW) return;
    if (![...unsavedForms].some((form) => form.isConnected)) return;
    event.preventDefault();
    event.returnValue = "";
  }

  // Sets up every quiz on the page once (Material's instant navigation runs this on each page).
  function start() {
    findAll(document, "form[data-quiz],[data-quiz-erase-all]").forEach((element) => {
      if ("quizInit" in element.dataset) return;
      element.dataset.quizInit = "";
      if ("quizEraseAll" in element.dataset) setUpEraseAll(element);
      else setUpQuiz(element);
    });
  }

  window.addEventListener("beforeunload", warnBeforeLosingAnswers);
  // Capture: noted before any other handler (quick-exit.js) starts the leaving.
  document.addEventListener("click", noteLeavingOnPurpose, true);
  // The quick exit has cleared every field: nothing is kept, nothing to warn of.
  document.addEventListener("hi:quick-exit", () => {
    leftOnPurposeAt = Date.now();
    answersInMemory.clear();
    unsavedForms.clear();
  });
  // The browser puts back the answers of a page it loads again from the history (Back,
  // a restored tab) around the load event, at times after pageshow: for three seconds each
  // quiz looks, and takes what it finds as it is.
  window.addEventListener("pageshow", () => {
    const look = () => findAll(document, "form[data-quiz-init]").forEach((form) => form.hiSync && form.hiSync());
    let looks = 0;
    const timer = setInterval(() => {
      look();
      if (++looks == 30) clearInterval(timer);
    }, 100);
    look();
  });
  if (window.document$) document$.subscribe(start);
  else if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
