import type { ElementDefinition, QuestionDefinition, SurveyDefinition } from './definition-schema';
import type { JsonPath } from './scale';

export interface LocatedElement {
  element: ElementDefinition;
  path: JsonPath;
}

/** Every element of the survey, panels' contents included, in survey order, with its JSON path. */
export function elementsOf(def: SurveyDefinition): LocatedElement[] {
  const found: LocatedElement[] = [];
  const visit = (elements: readonly ElementDefinition[] | undefined, path: JsonPath): void => {
    (elements ?? []).forEach((element, i) => {
      const elementPath = [...path, 'elements', i];
      found.push({ element, path: elementPath });
      if (element.type === 'panel') visit(element.elements, elementPath);
    });
  };
  def.pages.forEach((page, i) => visit(page.elements, ['pages', i]));
  return found;
}

export function isQuestion(element: ElementDefinition): element is QuestionDefinition {
  return element.type !== 'panel' && element.type !== 'html';
}

/** The elements that hold a value (html and panels do not). */
export function questionsOf(def: SurveyDefinition): QuestionDefinition[] {
  return elementsOf(def)
    .map(({ element }) => element)
    .filter(isQuestion);
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
