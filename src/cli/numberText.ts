// Numbers for the terminal with thousands separators, as toLocaleString("en-US") writes them,
// without Intl: the first Intl call loads ICU's number formatting, about 30–80 ms, a tenth of a
// whole run on a small table. Rounding is that of Intl (half away from zero on the shortest
// decimal that reads back as the same double: 1.005 → "1.01"), checked against it in
// test/cli/numberText.test.ts.

/** `v` with `digits` decimals and "," between thousands; -0 and values that round to 0 keep their sign as Intl does. */
export function groupedFixed(v: number, digits: number): string {
  const shortest = Math.abs(v).toString();
  if (!Number.isFinite(v) || shortest.includes("e")) return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [whole, fraction = ""] = shortest.split(".");
  let kept = whole + fraction.slice(0, digits).padEnd(digits, "0");
  if (fraction.length > digits && fraction.charCodeAt(digits) >= 53 /* "5" */) kept = incremented(kept);
  const intPart = kept.slice(0, kept.length - digits) || "0";
  const decimals = kept.slice(kept.length - digits);
  const sign = v < 0 || Object.is(v, -0) ? "-" : "";
  return sign + intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (digits > 0 ? "." + decimals : "");
}

/** A string of decimal digits plus one in its last place ("0999" → "1000", "99" → "100"). */
function incremented(digitsText: string): string {
  const d = digitsText.split("");
  let i = d.length - 1;
  while (i >= 0 && d[i] === "9") d[i--] = "0";
  if (i < 0) return "1" + d.join("");
  d[i] = String.fromCharCode(d[i].charCodeAt(0) + 1);
  return d.join("");
}
