// A question may carry `kioskTitle`: its wording on the desk's tablet, where the citizen has just
// been served at reception and often does not yet know how their dossier will be handled.
// Applied to the raw SurveyJS JSON before the kiosk builds its model; other channels keep `title`.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function reword(elements: unknown): unknown {
  if (!Array.isArray(elements)) return elements;
  return elements.map((e) => {
    if (!isObject(e)) return e;
    const { kioskTitle, ...rest } = e;
    const out: Json = kioskTitle !== undefined ? { ...rest, title: kioskTitle } : rest;
    if (Array.isArray(out.elements)) out.elements = reword(out.elements);
    return out;
  });
}

export function kioskWording(definition: unknown): unknown {
  if (!isObject(definition)) return definition;
  const out: Json = { ...definition };
  if (Array.isArray(out.pages)) {
    out.pages = out.pages.map((p) =>
      isObject(p)
        ? { ...p, elements: reword(p.elements), ...(p.questions ? { questions: reword(p.questions) } : {}) }
        : p,
    );
  }
  if (Array.isArray(out.elements)) out.elements = reword(out.elements);
  return out;
}
