import { compareText } from './compile-extended-property-filter';
import { type FilterExpression, invalidFilter } from './parse-odata-filter';
import type { TodoTaskRecord } from './todo-record';

export type TodoTaskPredicate = (task: TodoTaskRecord) => boolean;

const filterableProperties = {
  title: (task: TodoTaskRecord) => task.fields.title,
  status: (task: TodoTaskRecord) => task.fields.status,
  importance: (task: TodoTaskRecord) => task.fields.importance,
} as const;

function isFilterableProperty(path: string): path is keyof typeof filterableProperties {
  return Object.hasOwn(filterableProperties, path);
}

/**
 * `$filter` on tasks: `title`, `status`, `importance` and `categories/any(c: c eq '…')`.
 * Filtering on `linkedResources` is not documented by Graph, so the emulator refuses it.
 */
export function compileTodoTaskFilter(filter: FilterExpression): TodoTaskPredicate {
  switch (filter.kind) {
    case 'and': {
      const operands = filter.operands.map(compileTodoTaskFilter);
      return (task) => operands.every((operand) => operand(task));
    }
    case 'comparison': {
      const { comparison } = filter;
      if (!isFilterableProperty(comparison.path)) throw invalidFilter();
      const read = filterableProperties[comparison.path];
      return (task) => compareText(read(task), comparison);
    }
    case 'any': {
      const [condition] = filter.conditions;
      if (filter.collection !== 'categories' || filter.conditions.length !== 1 || condition?.path !== '' || condition.operator !== 'eq') {
        throw invalidFilter();
      }
      return (task) => task.fields.categories.some((category) => compareText(category, condition));
    }
  }
}
