#!/usr/bin/env python3
"""Replays the bot's ranking and its sure/unsure/none decision over the candidates dumped by dump.sh,
with other numbers if asked, and grades the result as ../shared/eval/grade.py does: the first set,
the everyday set whole, its odd ids (tune on these) and its even ids (check on these).

  scripts/search/dump.sh
  python3 scripts/search/calibrate.py                      # the numbers in Scoring.DEFAULT
  python3 scripts/search/calibrate.py sure=1.1 -v          # another threshold; -v lists the misses
  python3 scripts/search/calibrate.py --grid               # a small grid on the odd ids

The word weights are replayed too (light 0.2; a word the material lacks: 0.6, a specific term 1.0,
other 0.5), so their factors can be tried without a new dump; the bank match is taken as dumped.
"""
import itertools, json, math, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.environ.get('EVAL_DIR', os.path.join(ROOT, '..', 'shared', 'eval'))
DUMP = os.path.join(ROOT, 'target', 'search-calibration')
DEFAULT = dict(bm25=0.25, coverage=0.5, bank=1.0, empty=0.8, margin=0.5, sure=1.15, sureCoverage=0.45,
               close=0.2, light=0.2, unknownWord=0.6, unknownTerm=1.0, unknownOther=0.5)

def norm(s): return re.sub(r'[^0-9a-zæøåéüäö]', '', (s or '').lower())
def idf(df, n=99): return math.log(1 + (n - df + 0.5) / (df + 0.5))
def harmonic(a, b): return 0 if a + b == 0 else 2 * a * b / (a + b)

def load(name):
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(EVAL, name), encoding='utf-8')
            if l.strip() and not l.startswith('#')]
    dump = [json.loads(l) for l in open(os.path.join(DUMP, 'f-' + name + '.jsonl'), encoding='utf-8')]
    assert len(rows) == len(dump), name
    return list(zip(rows, dump))

def candidates(F, P):
    cs = F.get('concepts', [])
    w = []
    for k in cs:
        x = idf(k['df']) if k['df'] > 0 else idf(1) * (P['unknownTerm'] if k.get('term') else
                                                      P['unknownWord'] if k['word'] else P['unknownOther'])
        w.append(x * (P['light'] if k['light'] else 1))
    total = sum(w); content = sum(x for x, k in zip(w, cs) if not k['light'])
    out = []
    for c in F.get('cands', []):
        c = dict(c); cred = c.get('cred', [])
        if cred and total > 0:
            c['covAll'] = sum(x * y for x, y in zip(w, cred)) / total
            c['covContent'] = sum(x * y for x, y, k in zip(w, cred, cs) if not k['light']) / content if content else 0
        c['bankMatch'] = harmonic(c['bankCov'], c['bankPrec'])
        r = P['bm25'] * c['bm25'] + P['coverage'] * c['covAll'] + P['bank'] * c['bankMatch']
        c['rank'] = r * (P['empty'] if c['empty'] else 1)
        out.append(c)
    out.sort(key=lambda c: -c['rank'])
    return out

def decide(F, cands, P):
    if F.get('offTopic') or not cands: return 'none'
    b = cands[0]
    lead = 1 if len(cands) < 2 else (b['rank'] - cands[1]['rank']) / max(b['rank'], 1e-9)
    if b['covAll'] + b['bankMatch'] + P['margin'] * lead >= P['sure'] and b['covAll'] >= P['sureCoverage']:
        return 'sure'
    return 'unsure' if max(c['covContent'] for c in cands[:3]) >= P['close'] else 'none'

def rank_of(hits, keys):
    for i, h in enumerate(hits[:3]):
        t = norm(h['title'] + ' ' + h['text'])
        if len(t) <= 1500 and any(k in t for k in keys): return i + 1
    return None

def grade(rows, P, misses=None):
    n = h1 = h3 = helped = wrong = flat = out = out_declined = en = en_helped = 0
    for (qid, cat, q, exp), F in rows:
        cands = candidates(F, P); d = decide(F, cands, P)
        hits = cands[:3] if d == 'sure' else []; sugg = cands[:3] if d == 'unsure' else []
        if exp == '-':
            out += 1; out_declined += d != 'sure'
            if d == 'sure' and misses is not None: misses.append(f'{qid} answered out of scope: {q}')
            continue
        keys = [norm(k) for k in exp.split('|')]
        r = rank_of(hits, keys); ok = bool(r or rank_of(sugg, keys))
        if cat == 'english':
            en += 1; en_helped += ok; continue
        n += 1; h1 += r == 1; h3 += bool(r); helped += ok; wrong += d == 'sure' and not r; flat += d == 'none'
        if r != 1 and misses is not None: misses.append(f'{qid} {d} rank={r} [{cat}] {q}')
    pct = lambda x, m: 100.0 * x / m if m else 100.0
    return dict(hit1=pct(h1, n), hit3=pct(h3, n), helped3=pct(helped, n), wrongSure=pct(wrong, n),
                flat=pct(flat, n), outDeclined=pct(out_declined, out), englishHelped3=pct(en_helped, en))

def show(name, R): print(f'{name:<18}' + ' '.join(f'{k}={v:.1f}' for k, v in R.items()))

def halves(rows, odd): return [r for r in rows if (int(re.sub(r'\D', '', r[0][0]) or 0) % 2 == 1) == odd]

def main(args):
    P = dict(DEFAULT)
    for a in args:
        if '=' in a:
            k, v = a.split('=', 1)
            if k not in P: sys.exit(f'unknown number {k}; known: {", ".join(P)}')
            P[k] = float(v)
    first, second = load('dev-questions.tsv'), load('dev-questions-2.tsv')
    odd, even = halves(second, True), halves(second, False)
    if '--grid' in args:
        grid = dict(sure=[1.05, 1.1, 1.15, 1.2, 1.25], sureCoverage=[0.4, 0.45, 0.5], margin=[0.25, 0.5])
        best = []
        for values in itertools.product(*grid.values()):
            Q = dict(P, **dict(zip(grid, values))); R = grade(odd, Q)
            score = R['hit1'] + 0.5 * R['helped3'] - 3 * max(0, R['wrongSure'] - 4) - 2 * max(0, 90 - R['outDeclined'])
            best.append((score, dict(zip(grid, values)), Q))
        for score, chosen, Q in sorted(best, key=lambda x: -x[0])[:5]:
            print(f'{score:.1f} {chosen}'); show('  odd (tuned)', grade(odd, Q)); show('  even (checked)', grade(even, Q))
        return
    misses = [] if '-v' in args else None
    show('first set', grade(first, P)); show('everyday, whole', grade(second, P))
    show('  odd (tuned)', grade(odd, P, misses)); show('  even (checked)', grade(even, P))
    for m in misses or []: print('  miss:', m)

if __name__ == '__main__':
    main(sys.argv[1:])
