'use strict';
/* The local chat: sends what the user writes to the bot and shows the reply as the platforms do. */
(function () {
  const log = document.getElementById('meldinger');
  const form = document.getElementById('skjema');
  const input = document.getElementById('sporsmal');
  const name = document.getElementById('navn');
  const send = document.getElementById('send');
  const channel = document.getElementById('kanal');
  const conversation = document.getElementById('samtale');
  const pending = document.getElementById('venter');
  let waitingFor = 0;
  let lastSeq = 0;
  let counter = 0;

  try { name.value = localStorage.getItem('folkevalgt.navn') || ''; } catch (e) { /* private mode */ }
  name.addEventListener('change', function () {
    try { localStorage.setItem('folkevalgt.navn', name.value.trim()); } catch (e) { /* ignore */ }
  });

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /* The icon for an action (an inline SVG from the page's templates), hidden from screen readers, or null. */
  function icon(id) {
    const template = document.getElementById('ikon-' + id);
    return template ? template.content.firstElementChild.cloneNode(true) : null;
  }

  function cite(c) { return (c.section ? '«' + c.section + '» › ' : '') + '«' + c.title + '», lysbilde ' + c.slide; }

  /* The slide and the material it is in, by the material's title (the file when it has none). */
  function reference(c) { return cite(c) + ' (' + (c.material || c.source) + ')'; }

  /* Slides offered when the bot is not sure: each with its title, best lines and where to read it. */
  function renderSuggestions(suggestions) {
    const list = el('ol', 'suggestions');
    list.setAttribute('aria-label', 'Forslag fra programmaterialet');
    suggestions.forEach(function (s) {
      const li = el('li', 'suggestion');
      const title = el('p', 'suggestion-title');
      title.appendChild(el('strong', null, s.title));
      li.appendChild(title);
      li.appendChild(el('p', 'block excerpt', s.excerpt));
      li.appendChild(el('p', 'suggestion-source', 'Kilde: ' + reference(s)));
      list.appendChild(li);
    });
    return list;
  }

  /* A reply: text blocks, suggestions, closing text, source, "Se også", picture, feedback buttons. */
  function renderReply(reply, question) {
    const box = el('div', 'reply');
    reply.blocks.forEach(function (b) { box.appendChild(el('p', 'block', b)); });
    if (reply.suggestions && reply.suggestions.length) {
      box.appendChild(renderSuggestions(reply.suggestions));
    }
    (reply.closing || []).forEach(function (b) { box.appendChild(el('p', 'block closing', b)); });
    if (reply.citations.length) {
      const src = el('p', 'source');
      src.textContent = 'Kilde: ' + reply.citations.map(reference).join('; ');
      box.appendChild(src);
    }
    if (reply.seeAlso.length) {
      box.appendChild(el('p', 'see-also', 'Se også: ' + reply.seeAlso.map(function (c) {
        return (c.section ? '«' + c.section + '» › ' : '') + '«' + c.title + '» (lysbilde ' + c.slide + ')';
      }).join(', ')));
    }
    if (reply.image) {
      const img = el('img', 'reply-image');
      img.src = reply.image.src;
      img.alt = reply.image.alt;
      box.appendChild(img);
    }
    /* "Svar" under a posted prompt: the web chat's answer form is its own input, so the button starts the command there. */
    reply.actions.filter(function (a) { return a.id === 'reflection.answer'; }).forEach(function (a) {
      const b = el('button', 'secondary answer-prompt', a.label);
      b.type = 'button';
      b.setAttribute('aria-label', 'Svar på refleksjonsoppgave ' + a.value);
      b.addEventListener('click', function () { startCommand('/refleksjon ' + a.value + ' '); });
      box.appendChild(b);
    });
    const feedback = reply.actions.filter(function (a) { return a.id.indexOf('feedback.') === 0; });
    if (feedback.length) {
      const group = el('div', 'actions');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', 'Var svaret nyttig?');
      const status = el('span', 'action-status');
      status.setAttribute('role', 'status');
      feedback.forEach(function (a) {
        const words = a.id === 'feedback.up' ? 'Nyttig' : a.id === 'feedback.down' ? 'Ikke nyttig' : '';
        const b = el('button', 'feedback');
        b.type = 'button';
        b.dataset.action = a.id;
        b.setAttribute('aria-pressed', 'false');
        const drawn = icon(a.id);
        if (drawn) { b.appendChild(drawn); }
        b.appendChild(el('span', 'words', words || a.label));
        b.setAttribute('aria-label', a.id === 'feedback.up' ? 'Svaret var nyttig' : a.id === 'feedback.down'
          ? 'Svaret var ikke nyttig' : a.label);
        b.addEventListener('click', function () {
          postJson('/api/tilbakemelding', { handling: a.id, verdi: a.value, sporsmal: question || '', navn: name.value })
            .then(function (r) {
              group.querySelectorAll('button').forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
              status.textContent = r.melding || 'Takk!';
            })
            .catch(function () { status.textContent = 'Tilbakemeldingen ble ikke sendt. Prøv igjen.'; });
        });
        group.appendChild(b);
      });
      group.appendChild(status);
      box.appendChild(group);
    }
    return box;
  }

  /* Puts a command's start in the empty input (never over what the user has written) and moves there. */
  function startCommand(start) {
    if (!input.value.trim()) { input.value = start; }
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.scrollIntoView({ block: 'center' });
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { const e = new Error(j.melding || r.status); e.body = j; e.status = r.status; throw e; }
        return j;
      });
    });
  }

  function addMessage(who, node) {
    const li = el('li', 'message ' + who);
    li.appendChild(el('span', 'who visually-hidden', who === 'user' ? 'Du skrev:' : 'Boten svarte:'));
    li.appendChild(node);
    log.appendChild(li);
    li.scrollIntoView({ block: 'end' });
    return li;
  }

  function ask(text) {
    text = text.trim();
    if (!text) { input.focus(); return; }
    addMessage('user', el('p', 'block', text));
    send.disabled = true;
    /* Busy, not a reply: the log is marked busy and "Boten tenker …" is shown outside it. */
    waitingFor += 1;
    conversation.setAttribute('aria-busy', 'true');
    pending.hidden = false;
    pending.scrollIntoView({ block: 'end' });
    counter += 1;
    function done() {
      waitingFor -= 1;
      if (waitingFor === 0) {
        pending.hidden = true;
        conversation.removeAttribute('aria-busy');
      }
    }
    postJson('/api/melding', { tekst: text, navn: name.value, id: 'web-' + Date.now() + '-' + counter })
      .then(function (r) {
        addMessage('bot', renderReply(r.reply, r.question));
        done();
      })
      .catch(function (e) {
        done();
        /* Refused with a reply of its own (429: too many messages; 401: no session the server knows):
           show it as the bot's answer; after a 401 the page's reload gives a new session. */
        if (e && e.body && e.body.reply && Array.isArray(e.body.reply.blocks)) {
          const shown = addMessage('bot', renderReply(e.body.reply, e.body.question));
          if (e.status === 401) {
            const reload = el('button', 'reload', 'Last siden på nytt');
            reload.type = 'button';
            reload.addEventListener('click', function () { location.reload(); });
            shown.appendChild(reload);
          }
          return;
        }
        addMessage('bot error', el('p', 'block', 'Beklager, boten svarte ikke. Prøv igjen om litt.'));
      })
      .finally(function () { send.disabled = false; input.focus(); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    if (/^\s*\/refleksjon\b/i.test(text)) { banner.answered(); }
    ask(text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  document.querySelectorAll('.quick button').forEach(function (b) {
    b.addEventListener('click', function () { ask(b.dataset.text); });
  });

  /*
   * A reflection prompt posted in #programmet is shown above the input too, since on a phone the
   * channel is below the chat, out of sight. The latest open prompt is shown until the user answers
   * it with /refleksjon or closes the notice; after that it is not shown again in this browser.
   * Prompts and their summaries are recognised by the text the programme posts (PostPlanner,
   * ReflectionSummaries).
   */
  const banner = (function () {
    const box = document.getElementById('oppgavevarsel');
    const text = document.getElementById('oppgavevarsel-tekst');
    const actions = box.querySelector('.prompt-banner-actions');
    const answer = document.getElementById('oppgavevarsel-svar');
    const close = document.getElementById('oppgavevarsel-lukk');
    const SEEN = 'folkevalgt.refleksjon.sett';
    const open = {};
    let shown = null;

    function seen() {
      try { return JSON.parse(localStorage.getItem(SEEN) || '[]'); } catch (e) { return []; }
    }
    function markSeen(key) {
      const keys = seen().filter(function (k) { return k !== key; }).concat([key]).slice(-50);
      try { localStorage.setItem(SEEN, JSON.stringify(keys)); } catch (e) { /* private mode */ }
    }
    function hide() {
      box.classList.remove('open');
      actions.hidden = true;
      text.textContent = '';
      shown = null;
    }
    function done() {
      if (shown) { markSeen(shown.key); }
      hide();
    }
    function show(p) {
      shown = p;
      box.classList.add('open');
      actions.hidden = false;
      text.textContent = 'Ny refleksjonsoppgave: «' + p.title + '» — svar med ' + p.command;
    }
    /* A prompt post: "Refleksjonsoppgave 1: Tittel", ..., "Svar med /refleksjon <svaret ditt>. ..." */
    function promptOf(blocks) {
      const m = /^(?:\(forsinket\) )?Refleksjonsoppgave (\d+): ([\s\S]+)$/.exec((blocks[0] || '').trim());
      if (!m) { return null; }
      let command = '/refleksjon <svaret ditt>';
      blocks.forEach(function (b) {
        const c = /Svar med (\/refleksjon (?:\d+ )?<svaret ditt>)/.exec(b);
        if (c) { command = c[1]; }
      });
      return { number: m[1], title: m[2].trim(), command: command, key: m[1] + ':' + m[2].trim() };
    }
    /* A summary post closes its prompt: "Oppsummering: «Tittel» — ...", "Du kan fortsatt svare: /refleksjon 1 ...". */
    function closedBy(blocks, p) {
      const first = (blocks[0] || '').trim().replace(/^\(forsinket\) /, '');
      return first.indexOf('Oppsummering: «' + p.title + '»') === 0
        || blocks.some(function (b) { return b.indexOf('Du kan fortsatt svare: /refleksjon ' + p.number + ' ') === 0; });
    }

    answer.addEventListener('click', function () {
      startCommand(shown ? shown.command.replace('<svaret ditt>', '') : '/refleksjon ');
    });
    close.addEventListener('click', function () {
      done();
      input.focus();
    });

    return {
      /* Posts from #programmet, oldest first. */
      see: function (posts) {
        posts.forEach(function (post) {
          const blocks = (post.reply && post.reply.blocks) || [];
          const p = promptOf(blocks);
          if (p) {
            delete open[p.key];
            open[p.key] = p;
            return;
          }
          Object.keys(open).forEach(function (k) {
            if (closedBy(blocks, open[k])) { delete open[k]; }
          });
        });
        const already = seen();
        const keys = Object.keys(open).filter(function (k) { return already.indexOf(k) < 0; });
        const latest = keys.length ? open[keys[keys.length - 1]] : null;
        if (!latest) {
          if (shown && !open[shown.key]) { hide(); }
        } else if (!shown || shown.key !== latest.key) {
          show(latest);
        }
      },
      /* The user sent a /refleksjon answer. */
      answered: function () { if (shown) { done(); } }
    };
  })();

  function poll() {
    fetch('/api/kanal?etter=' + lastSeq, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { posts: [] }; })
      .then(function (j) {
        j.posts.forEach(function (p) {
          const empty = document.getElementById('kanal-tom');
          if (empty) { empty.remove(); }
          const li = el('li', 'message post');
          const time = el('time', 'when', p.time);
          time.dateTime = p.at;
          li.appendChild(time);
          li.appendChild(renderReply(p.reply, ''));
          channel.appendChild(li);
          lastSeq = Math.max(lastSeq, p.seq);
        });
        banner.see(j.posts);
      })
      .catch(function () { /* the server may be restarting; try again */ })
      .finally(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
