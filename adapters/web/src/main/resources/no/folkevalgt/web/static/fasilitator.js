'use strict';
/* The facilitator page: asks the server every few seconds and updates counts, clouds and statuses. */
(function () {
  const cards = {};

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function replaceChildren(parent, children) {
    while (parent.firstChild) { parent.removeChild(parent.firstChild); }
    children.forEach(function (c) { parent.appendChild(c); });
  }

  function sessionText(s) { return s ? s.title + ' (kl. ' + s.start + '–' + s.end + ')' : 'ingenting planlagt'; }

  function card(p) {
    const box = el('article', 'prompt');
    box.id = 'oppgave-' + p.number;
    const h = el('h3', null, p.number + '. ' + p.title);
    const meta = el('p', 'meta');
    const count = el('span', 'count');
    count.id = 'antall-' + p.number;
    count.setAttribute('aria-live', 'polite');
    count.setAttribute('aria-atomic', 'true');
    const info = el('span', 'info');
    meta.appendChild(count);
    meta.appendChild(info);
    const fig = el('figure', 'cloud');
    const img = el('img');
    img.id = 'ordsky-' + p.number;
    img.width = 1200;
    img.height = 675;
    const cap = el('figcaption', 'hint');
    fig.appendChild(img);
    fig.appendChild(cap);
    const tools = el('p', 'tools');
    const big = el('button', 'secondary', 'Vis ordskyen i fullskjerm');
    big.type = 'button';
    big.addEventListener('click', function () {
      if (img.requestFullscreen) { img.requestFullscreen(); }
    });
    const csv = el('a', null, 'Last ned svarene (CSV)');
    csv.href = '/fasilitator/eksport.csv?oppgave=' + p.number;
    csv.setAttribute('download', '');
    tools.appendChild(big);
    tools.appendChild(csv);
    const answersHeading = el('h4', null, 'Siste svar');
    const answers = el('ul', 'answers');
    [h, meta, fig, tools, answersHeading, answers].forEach(function (n) { box.appendChild(n); });
    return { box: box, count: count, info: info, img: img, cap: cap, answers: answers, shown: -1 };
  }

  function updateCard(c, p) {
    /* The count is a live region: written only when the number changes, so that it is not read out on every poll. */
    const counted = p.count === 1 ? '1 svar' : p.count + ' svar';
    if (c.count.textContent !== counted) { c.count.textContent = counted; }
    c.info.textContent = (p.state === 'open' ? 'Åpen, oppsummeres ' + p.closes
        : p.state === 'closed' ? 'Oppsummert ' + p.closes + ' (svar tas fortsatt imot)'
        : 'Åpner ' + p.opens)
      + (p.anonymous ? ' · anonym: ingen ser hvem som svarte' : ' · ikke anonym');
    if (c.shown !== p.count) {
      c.shown = p.count;
      c.img.src = '/fasilitator/ordsky/' + p.number + '.png?svar=' + p.count;
      c.cap.textContent = 'Ordskyen oppdateres når nye svar kommer inn.';
    }
    /* The server's text alternative: the top words with their counts. */
    if (c.img.alt !== p.alt) { c.img.alt = p.alt; }
    replaceChildren(c.answers, p.answers.length ? p.answers.map(function (a) {
      const li = el('li');
      li.appendChild(el('span', 'when', a.at));
      li.appendChild(el('span', null, a.user ? a.user + ': ' + a.text : a.text));
      return li;
    }) : [el('li', 'empty', 'Ingen svar ennå.')]);
  }

  function render(d) {
    document.getElementById('tittel').textContent = 'Fasilitator: ' + d.title;
    document.getElementById('sted').textContent = d.place;
    document.getElementById('klokka').textContent = 'Sist oppdatert ' + d.now;
    /* Between slots, before, between days and after: the programme's state in the chat's words. */
    document.getElementById('naa').textContent = d.current ? sessionText(d.current) : d.state.text;
    document.getElementById('neste').textContent = sessionText(d.next);

    const holder = document.getElementById('oppgaver');
    if (!d.prompts.length) { replaceChildren(holder, [el('p', 'empty', 'Programmet har ingen refleksjonsoppgaver.')]); }
    d.prompts.forEach(function (p) {
      if (!cards[p.number]) {
        cards[p.number] = card(p);
        holder.appendChild(cards[p.number].box);
      }
      updateCard(cards[p.number], p);
    });

    replaceChildren(document.getElementById('program'), d.days.map(function (day) {
      const box = el('div', 'day');
      box.appendChild(el('h3', null, 'Dag ' + day.day + (day.date ? ' (' + day.date + ')' : '')));
      const ol = el('ol', 'slots');
      day.sessions.forEach(function (s) {
        const li = el('li', 'slot ' + s.state);
        li.appendChild(el('span', 'when', s.start + '–' + s.end));
        li.appendChild(el('span', 'what', s.title));
        const badge = { na: 'Nå', neste: 'Neste', ferdig: 'Ferdig' }[s.state];
        if (badge) { li.appendChild(el('span', 'badge ' + s.state, badge)); }
        if (s.state === 'na') { li.setAttribute('aria-current', 'true'); }
        ol.appendChild(li);
      });
      box.appendChild(ol);
      return box;
    }));

    replaceChildren(document.getElementById('poster'), d.posts.map(function (p) {
      const tr = el('tr');
      tr.appendChild(el('td', 'nowrap', p.at));
      const st = el('td');
      st.appendChild(el('span', 'status ' + p.status, p.statusText));
      tr.appendChild(st);
      tr.appendChild(el('td', null, p.text));
      tr.appendChild(el('td', null, p.channel));
      return tr;
    }));

    renderGaps(d.gaps);
  }

  /* ---- The gap list, and teaching the bot from it ---- */

  /* One record per gap, by its question: its list item, and the open search or reply form, kept across polls. */
  const gapItems = {};
  let gapSeq = 0;
  const KIND_WORDS = { 'not-found': 'ikke funnet', unsure: 'usikker', unhelpful: 'lite nyttig' };

  function status(text, bad) {
    const s = document.getElementById('laer-status');
    s.textContent = text;
    s.className = 'teach-status' + (bad ? ' bad' : ' good');
  }

  /* The thumbs-down icon (an inline SVG from the page's template), hidden from screen readers. */
  function thumbDown() {
    return document.getElementById('ikon-tommel-ned').content.firstElementChild.cloneNode(true);
  }

  function button(text, cls, onClick) {
    const b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function slideText(slide, title) { return 'lysbilde ' + slide + ' «' + title + '»'; }

  /* POSTs JSON to the facilitator's routes; shows the answer's melding, then refreshes the page's data at once. */
  function send(path, body, focusKey) {
    return fetch(path, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        const ok = r.ok;
        status(j.melding || (ok ? 'Lagret.' : 'Det gikk ikke (HTTP ' + r.status + '). Prøv igjen.'), !ok);
        return ok;
      });
    }).catch(function () {
      status('Fikk ikke kontakt med boten. Ingenting ble endret; prøv igjen.', true);
      return false;
    }).then(function (ok) {
      return refresh().then(function () {
        if (focusKey && gapItems[focusKey] && (!document.activeElement || document.activeElement === document.body)) {
          gapItems[focusKey].question.focus();
        }
        return ok;
      });
    });
  }

  function expanded(g) {
    if (g.linkButton) { g.linkButton.setAttribute('aria-expanded', String(g.open === 'search')); }
    if (g.replyButton) { g.replyButton.setAttribute('aria-expanded', String(g.open === 'reply')); }
  }

  function closePanel(g) {
    replaceChildren(g.panel, []);
    g.panel.hidden = true;
    g.open = null;
    expanded(g);
  }

  /* "Koble til lysbilde…": a search box with the question in it, and the slides found, each with "Velg". */
  function openSearch(g) {
    if (g.open === 'search') { g.panel.querySelector('input').focus(); return; }
    closePanel(g);
    g.open = 'search';
    g.panel.hidden = false;
    expanded(g);
    const form = el('form', 'teach-form');
    form.setAttribute('role', 'search');
    const id = 'sok-' + g.seq;
    const label = el('label', null, 'Søk i lysbildene (ord eller lysbildenummer)');
    label.htmlFor = id;
    const row = el('div', 'teach-row');
    const input = el('input');
    input.id = id;
    input.type = 'search';
    input.maxLength = 300;
    input.value = g.data.question;
    const go = el('button', null, 'Søk');
    go.type = 'submit';
    row.appendChild(input);
    row.appendChild(go);
    const found = el('p', 'hint');
    found.setAttribute('aria-live', 'polite');
    const results = el('ul', 'search-results');
    const cancel = button('Avbryt', 'secondary', function () { closePanel(g); g.linkButton.focus(); });
    [label, row, found, results, cancel].forEach(function (n) { form.appendChild(n); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      search(g, input.value, found, results);
    });
    g.panel.appendChild(form);
    input.focus();
    search(g, input.value, found, results);
  }

  function search(g, q, found, results) {
    if (!q.trim()) { found.textContent = 'Skriv hva du leter etter, eller et lysbildenummer.'; return; }
    found.textContent = 'Søker …';
    fetch('/fasilitator/sok?q=' + encodeURIComponent(q), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        found.textContent = j.melding || '';
        replaceChildren(results, (j.passages || []).map(function (p) {
          const li = el('li', 'search-result');
          li.appendChild(el('p', 'result-title', 'Lysbilde ' + p.slide + ': «' + p.title + '»'
            + (p.section ? ' (' + p.section + ')' : '')));
          li.appendChild(el('p', 'excerpt', p.excerpt));
          li.appendChild(el('p', 'hint', p.source));
          const pick = button('Velg', null, function () {
            pick.disabled = true;
            send('/fasilitator/laer', { sporsmal: g.data.question, passasje: p.id }, g.key).then(function (ok) {
              pick.disabled = false;
              if (ok) { closePanel(g); g.question.focus(); }
            });
          });
          pick.setAttribute('aria-label', 'Velg lysbilde ' + p.slide + ' «' + p.title + '»');
          li.appendChild(pick);
          return li;
        }));
      })
      .catch(function () { found.textContent = 'Søket feilet. Prøv igjen.'; });
  }

  /* "Ikke i materialet…": an optional text the bot gives instead, and "Lagre". */
  function openReply(g) {
    if (g.open === 'reply') { g.panel.querySelector('textarea').focus(); return; }
    closePanel(g);
    g.open = 'reply';
    g.panel.hidden = false;
    expanded(g);
    const form = el('form', 'teach-form');
    const id = 'svar-' + g.seq;
    const label = el('label', null, 'Hva boten skal si i stedet (valgfritt)');
    label.htmlFor = id;
    const hint = el('p', 'hint', 'Boten sier «Det står ikke i programmaterialet.» og så teksten din, for eksempel '
      + 'hvor svaret finnes. Høyst 500 tegn.');
    hint.id = id + '-hint';
    const text = el('textarea');
    text.id = id;
    text.maxLength = 500;
    text.rows = 3;
    text.setAttribute('aria-describedby', hint.id);
    const row = el('div', 'teach-row');
    const save = el('button', null, 'Lagre');
    save.type = 'submit';
    row.appendChild(save);
    row.appendChild(button('Avbryt', 'secondary', function () { closePanel(g); g.replyButton.focus(); }));
    [label, hint, text, row].forEach(function (n) { form.appendChild(n); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      save.disabled = true;
      send('/fasilitator/ikke-i-materialet', { sporsmal: g.data.question, svar: text.value }, g.key).then(function (ok) {
        save.disabled = false;
        if (ok) { closePanel(g); g.question.focus(); }
      });
    });
    g.panel.appendChild(form);
    text.focus();
  }

  /* What the gap shows: question, kinds, how often and when, where, other wordings, suggestions, what was taught. */
  function fillGap(g) {
    const d = g.data;
    const info = [];
    g.question.textContent = '«' + d.question + '»';
    info.push(g.question);
    const meta = el('p', 'gap-meta');
    d.kinds.forEach(function (k) {
      const badge = el('span', 'badge ' + k.code, KIND_WORDS[k.code] || k.text);
      if (k.code === 'unhelpful') { badge.insertBefore(thumbDown(), badge.firstChild); }
      meta.appendChild(badge);
    });
    meta.appendChild(el('span', 'gap-count', d.count === 1 ? '1 gang' : d.count + ' ganger'));
    meta.appendChild(el('span', 'when', 'sist ' + d.last));
    if (d.platforms.length) { meta.appendChild(el('span', 'gap-platforms', d.platforms.join(', '))); }
    info.push(meta);
    if (d.wordings.length) {
      info.push(el('p', 'gap-wordings', 'Også spurt som: ' + d.wordings.map(function (w) { return '«' + w + '»'; }).join(', ')));
    }
    if (d.unhelpful.length) {
      info.push(el('p', 'gap-wordings', 'Svaret som fikk tommel ned: ' + d.unhelpful.join(', ')));
    }
    if (d.taught) {
      const t = el('p', 'gap-taught');
      t.appendChild(el('span', 'taught-text', d.taught.kind === 'link'
        ? 'Lært: ' + slideText(d.taught.slide, d.taught.title || d.taught.source)
        : 'Ikke i materialet' + (d.taught.reply ? ': «' + d.taught.reply + '»' : '')));
      const undo = button('Angre', 'secondary', function () {
        undo.disabled = true;
        send('/fasilitator/angre', { sporsmal: d.taught.question }, g.key);
      });
      undo.setAttribute('aria-label', 'Angre det boten lærte om «' + d.taught.question + '»');
      t.appendChild(undo);
      info.push(t);
    } else if (d.suggested.length) {
      info.push(el('p', 'gap-suggested-heading', 'Boten foreslo:'));
      const ul = el('ul', 'gap-suggested');
      d.suggested.forEach(function (c) {
        const li = el('li');
        li.appendChild(el('span', null, slideText(c.slide, c.title) + (c.section ? ' (' + c.section + ')' : '') + ' '));
        const use = button('Bruk dette lysbildet', 'secondary', function () {
          use.disabled = true;
          send('/fasilitator/laer', { sporsmal: d.question, passasje: c.source + '#' + c.slide }, g.key);
        });
        use.setAttribute('aria-label', 'Bruk lysbilde ' + c.slide + ' «' + c.title + '» som svar');
        li.appendChild(use);
        ul.appendChild(li);
      });
      info.push(ul);
    }
    const actions = el('p', 'gap-actions');
    g.linkButton = button('Koble til lysbilde…', null, function () { openSearch(g); });
    g.replyButton = button('Ikke i materialet…', 'secondary', function () { openReply(g); });
    expanded(g);
    actions.appendChild(g.linkButton);
    actions.appendChild(g.replyButton);
    info.push(actions);
    replaceChildren(g.info, info);
  }

  function renderGaps(gaps) {
    const list = document.getElementById('hull-liste');
    const keep = {};
    gaps.forEach(function (d, i) {
      const key = d.question;
      keep[key] = true;
      let g = gapItems[key];
      if (!g) {
        g = { key: key, seq: ++gapSeq, li: el('li', 'gap-item'), info: el('div', 'gap-info'), panel: el('div', 'gap-panel'),
          question: el('p', 'gap-question'), open: null, sig: null };
        g.question.tabIndex = -1;
        g.panel.hidden = true;
        g.li.appendChild(g.info);
        g.li.appendChild(g.panel);
        gapItems[key] = g;
      }
      const sig = JSON.stringify(d);
      if (sig !== g.sig) {
        g.sig = sig;
        g.data = d;
        fillGap(g);
      }
      /* Moved only when out of place, so that a form being filled in keeps its focus. */
      if (list.children[i] !== g.li) { list.insertBefore(g.li, list.children[i] || null); }
    });
    Object.keys(gapItems).forEach(function (key) {
      if (!keep[key]) {
        if (gapItems[key].li.parentNode) { gapItems[key].li.parentNode.removeChild(gapItems[key].li); }
        delete gapItems[key];
      }
    });
    const empty = document.getElementById('hull-tom');
    if (!gaps.length && !empty) {
      const li = el('li', 'empty', 'Ingen ennå: boten har klart alt den er spurt om.');
      li.id = 'hull-tom';
      list.appendChild(li);
    } else if (gaps.length && empty) {
      empty.parentNode.removeChild(empty);
    }
  }

  /* Import: the browser reads the file and sends its text. */
  document.getElementById('laert-fil').addEventListener('change', function (e) {
    const input = e.target;
    const file = input.files && input.files[0];
    if (!file) { return; }
    if (file.size > 256 * 1024) {
      status('Filen er for stor: den kan være høyst 256 kB.', true);
      input.value = '';
      return;
    }
    file.text().then(function (text) {
      return send('/fasilitator/laert', { tekst: text });
    }).catch(function () {
      status('Filen kunne ikke leses.', true);
    }).then(function () { input.value = ''; });
  });

  /* Asks for the data now and shows it. */
  function refresh() {
    const err = document.getElementById('feil');
    return fetch('/fasilitator/data', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (d) { err.hidden = true; render(d); })
      .catch(function () {
        err.hidden = false;
        err.textContent = 'Fikk ikke kontakt med boten. Prøver igjen …';
      });
  }

  function poll() {
    refresh().finally(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
