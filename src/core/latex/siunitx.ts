// siunitx: numbers and units as a reader (and mathjs) would write them: \SI{60}{\kilo\gram} → "60 kg",
// \num{1.5e6} → "1.5 × 10^6", \SI{2.1}{\micro\gram\per\gram} → "2.1 µg/g".
import { nameTable } from './name-table.ts';

import type { LNode } from './ast.ts';

export const SIUNITX_MACROS = new Set([
  'num', 'SI', 'qty', 'si', 'unit', 'SIrange', 'qtyrange', 'numrange', 'SIlist', 'qtylist', 'numlist', 'ang', 'tablenum', 'percent', 'qtyproduct', 'numproduct', 'SIproduct',
]);

const PREFIXES = nameTable<string>({
  yocto: 'y', zepto: 'z', atto: 'a', femto: 'f', pico: 'p', nano: 'n', micro: 'µ', milli: 'm', centi: 'c', deci: 'd', deca: 'da', deka: 'da', hecto: 'h',
  kilo: 'k', mega: 'M', giga: 'G', tera: 'T', peta: 'P', exa: 'E', zetta: 'Z', yotta: 'Y',
});

const UNITS = nameTable<string>({
  gram: 'g', gramme: 'g', kilogram: 'kg', metre: 'm', meter: 'm', second: 's', litre: 'L', liter: 'L', mole: 'mol', kelvin: 'K', ampere: 'A', candela: 'cd',
  hertz: 'Hz', newton: 'N', pascal: 'Pa', joule: 'J', watt: 'W', coulomb: 'C', volt: 'V', ohm: 'Ω', farad: 'F', siemens: 'S', weber: 'Wb', tesla: 'T',
  henry: 'H', degreeCelsius: '°C', celsius: '°C', lumen: 'lm', lux: 'lx', becquerel: 'Bq', gray: 'Gy', sievert: 'Sv', katal: 'kat', minute: 'min',
  hour: 'h', day: 'day', degree: '°', arcminute: '′', arcsecond: '″', hectare: 'ha', tonne: 't', electronvolt: 'eV', dalton: 'Da', bel: 'B', decibel: 'dB',
  neper: 'Np', astronomicalunit: 'au', atomicmassunit: 'u', bar: 'bar', angstrom: 'Å', barn: 'b', mmHg: 'mmHg', percent: '%', molar: 'M', Molar: 'M',
  calorie: 'cal', kilocalorie: 'kcal', year: 'year', week: 'week', month: 'month', byte: 'B', bit: 'bit', cc: 'cm^3', knot: 'kn', nauticalmile: 'nmi',
  // siunitx abbreviations (valid only inside unit arguments)
  fg: 'fg', pg: 'pg', ng: 'ng', ug: 'µg', mg: 'mg', g: 'g', kg: 'kg', amu: 'u', pm: 'pm', nm: 'nm', um: 'µm', mm: 'mm', cm: 'cm', dm: 'dm', m: 'm', km: 'km',
  as: 'as', fs: 'fs', ps: 'ps', ns: 'ns', us: 'µs', ms: 'ms', s: 's', fmol: 'fmol', pmol: 'pmol', nmol: 'nmol', umol: 'µmol', mmol: 'mmol', mol: 'mol',
  kmol: 'kmol', pA: 'pA', nA: 'nA', uA: 'µA', mA: 'mA', A: 'A', kA: 'kA', ul: 'µL', ml: 'mL', l: 'L', hl: 'hL', uL: 'µL', mL: 'mL', L: 'L', hL: 'hL',
  mHz: 'mHz', Hz: 'Hz', kHz: 'kHz', MHz: 'MHz', GHz: 'GHz', THz: 'THz', mN: 'mN', N: 'N', kN: 'kN', MN: 'MN', Pa: 'Pa', kPa: 'kPa', MPa: 'MPa', GPa: 'GPa',
  mohm: 'mΩ', kohm: 'kΩ', Mohm: 'MΩ', pV: 'pV', nV: 'nV', uV: 'µV', mV: 'mV', V: 'V', kV: 'kV', W: 'W', uW: 'µW', mW: 'mW', kW: 'kW', MW: 'MW', GW: 'GW',
  J: 'J', uJ: 'µJ', mJ: 'mJ', kJ: 'kJ', eV: 'eV', meV: 'meV', keV: 'keV', MeV: 'MeV', GeV: 'GeV', TeV: 'TeV', kWh: 'kWh', F: 'F', fF: 'fF', pF: 'pF',
  nF: 'nF', uF: 'µF', mF: 'mF', H: 'H', mH: 'mH', uH: 'µH', K: 'K', dB: 'dB', kibibyte: 'KiB', mebibyte: 'MiB', gibibyte: 'GiB', M: 'M', mM: 'mM', uM: 'µM', nM: 'nM',
});

/** Plain unit text for a siunitx unit argument (macros or literal text like "kg.m/s^2"). */
export function unitText(nodes: readonly LNode[]): string {
  const parts: string[] = [];
  let prefix = '';
  let power = '';
  let per = false;
  const pushUnit = (u: string): void => {
    if (per) {
      parts.push('/');
      per = false;
    }
    parts.push(prefix + u + (power ? `^${power}` : ''));
    prefix = '';
    power = '';
  };
  const toLast = (p: string): void => {
    if (parts.length) parts[parts.length - 1] += `^${p}`;
  };
  const walk = (list: readonly LNode[]): void => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (n.t === 'grp') walk(n.c);
      else if (n.t === 'str') {
        let s = n.s.replace(/~/g, ' ');
        if (s === '^' || s === '_') {
          const next = list[i + 1];
          const arg = next?.t === 'grp' ? plain(next.c) : next?.t === 'str' ? next.s : '';
          i++;
          if (s === '^') toLast(arg);
          continue;
        }
        s = s.replace(/\./g, ' ').trim();
        if (!s) continue;
        if (per) {
          parts.push('/');
          per = false;
        }
        parts.push(prefix + s);
        prefix = '';
      } else if (n.t === 'mac') {
        const name = n.name;
        if (name in PREFIXES) prefix += PREFIXES[name];
        else if (name === 'per') per = true;
        else if (name === 'squared') toLast('2');
        else if (name === 'cubed') toLast('3');
        else if (name === 'square') power = '2';
        else if (name === 'cubic') power = '3';
        else if (name === 'tothe' || name === 'raiseto') {
          const next = list[i + 1];
          const arg = next?.t === 'grp' ? plain(next.c) : '';
          i++;
          if (name === 'tothe') toLast(arg);
          else power = arg;
        } else if (name in UNITS) pushUnit(UNITS[name]);
        else if (name === 'micro' || name === 'textmu' || name === 'mu') prefix += 'µ';
        else if (name === 'text' || name === 'mathrm') continue;
        else if (name === 'highlight' || name === 'of' || name === 'qualifier') i++;
        else if (name === '%') pushUnit('%');
        else pushUnit(name);
      } else if (n.t === 'math') walk(n.c);
    }
  };
  walk(nodes);
  let out = '';
  for (const p of parts) {
    if (p === '/') out += '/';
    else if (out === '' || out.endsWith('/')) out += p;
    else out += ' ' + p;
  }
  return out.replace(/\s*\/\s*/g, '/').trim();
}

function plain(nodes: readonly LNode[]): string {
  return nodes.map((n) => (n.t === 'str' ? n.s : n.t === 'grp' ? plain(n.c) : '')).join('');
}

/** How siunitx prints a number argument: exponent as "× 10^n", "+-" as "±". Returns undefined when unchanged. */
export function formatSiNumber(raw: string): string | undefined {
  const s = raw.replace(/\s+/g, '');
  const m = /^([-+\u2212]?)(\d*[.,]?\d*)(?:\((\d+)\))?(?:(?:\+-|\\pm|±)(\d*[.,]?\d*))?(?:[eEdD]([-+\u2212]?\d+))?$/.exec(s);
  if (!m) return undefined;
  const [, sign, mant, unc, pm, exp] = m;
  let out = (sign === '+' ? '' : sign) + (mant || '');
  if (unc) out += `(${unc})`;
  if (pm) out += ` ± ${pm}`;
  if (exp) {
    const e = exp.replace(/^\+/, '');
    out = mant ? `${out} × 10^${e}` : `${sign}10^${e}`;
  }
  return out === raw ? undefined : out;
}
