import type { ElementDefinition, QuestionDefinition, SurveyDefinition } from './definition-schema';
import type { JsonPath } from './scale';

export interface LocatedElement {
  element: ElementDefinition;
  path: JsonPath;
}

type Container = { elements?: readonly ElementDefinition[]; questions?: readonly ElementDefinition[] };

/** SurveyJS reads a container's elements from `elements` or, the older key, `questions`. */
function childrenOf(container: Container): Array<[key: 'elements' | 'questions', list: readonly ElementDefinition[]]> {
  const lists: Array<['elements' | 'questions', readonly ElementDefinition[]]> = [];
  if (container.elements) lists.push(['elements', container.elements]);
  if (container.questions) lists.push(['questions', container.questions]);
  return lists;
}

/**
 * Every element of the survey, panels' contents included, in survey order, with its JSON path.
 * Top-level `elements`/`questions` (a survey without pages) come first, as SurveyJS's first page.
 * A dynamic panel's template is not walked: its questions answer inside the panel's value.
 */
export function elementsOf(def: SurveyDefinition): LocatedElement[] {
  const found: LocatedElement[] = [];
  const visit = (container: Container, path: JsonPath): void => {
    for (const [key, list] of childrenOf(container)) {
      list.forEach((element, i) => {
        const elementPath = [...path, key, i];
        found.push({ element, path: elementPath });
        if (element.type === 'panel') visit(element, elementPath);
      });
    }
  };
  visit(def, []);
  (def.pages ?? []).forEach((page, i) => visit(page, ['pages', i]));
  return found;
}

export function isQuestion(element: ElementDefinition): element is QuestionDefinition {
  return element.type !== 'panel' && element.type !== 'html' && element.type !== 'image';
}

/** The elements that hold a value (html, images and panels do not). */
export function questionsOf(def: SurveyDefinition): QuestionDefinition[] {
  return elementsOf(def)
    .map(({ element }) => element)
    .filter(isQuestion);
}

/** The key a question's answer is stored under: its `valueName`, or else its name. */
export function valueKeyOf(question: { name: string; valueName?: string }): string {
  return question.valueName !== undefined && question.valueName !== '' ? question.valueName : question.name;
}

/** SurveyJS's JSON-ish path notation: pages[0].elements[1].choices[2].value */
export function formatPath(path: JsonPath): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}
