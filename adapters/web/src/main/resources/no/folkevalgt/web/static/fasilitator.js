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
    c.count.textContent = p.count === 1 ? '1 svar' : p.count + ' svar';
    c.info.textContent = (p.state === 'open' ? 'Åpen, oppsummeres ' + p.closes
        : p.state === 'closed' ? 'Oppsummert ' + p.closes + ' (svar tas fortsatt imot)'
        : 'Åpner ' + p.opens)
      + (p.anonymous ? ' · anonym: ingen ser hvem som svarte' : ' · ikke anonym');
    if (c.shown !== p.count) {
      c.shown = p.count;
      c.img.src = '/fasilitator/ordsky/' + p.number + '.png?svar=' + p.count;
      c.img.alt = 'Ordsky for «' + p.title + '», ' + (p.count === 0 ? 'ingen svar ennå' : p.count + ' svar');
      c.cap.textContent = 'Ordskyen oppdateres når nye svar kommer inn.';
    }
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

    replaceChildren(document.getElementById('ubesvart'), d.unanswered.length ? d.unanswered.map(function (u) {
      const li = el('li', 'gap ' + u.reason);
      li.appendChild(el('span', 'when', u.at));
      li.appendChild(el('span', 'badge ' + u.reason, u.reasonText));
      li.appendChild(el('span', 'question', ' «' + u.question + '»'));
      if (u.suggested.length) {
        li.appendChild(el('span', 'suggested', ' → foreslo ' + u.suggested.map(function (c) {
          return '«' + c.title + '» (lysbilde ' + c.slide + ')';
        }).join(', ')));
      }
      return li;
    }) : [el('li', 'empty', 'Ingen ennå.')]);

    replaceChildren(document.getElementById('unyttig'), d.unhelpful.length ? d.unhelpful.map(function (f) {
      const li = el('li');
      li.appendChild(el('span', 'when', f.at));
      li.appendChild(el('span', null, '«' + f.question + '» → ' + f.source));
      return li;
    }) : [el('li', 'empty', 'Ingen ennå.')]);
  }

  function poll() {
    const err = document.getElementById('feil');
    fetch('/fasilitator/data', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (d) { err.hidden = true; render(d); })
      .catch(function () {
        err.hidden = false;
        err.textContent = 'Fikk ikke kontakt med boten. Prøver igjen …';
      })
      .finally(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
