import { GraphError } from './graph-error';

export type ComparisonOperator = 'eq' | 'ne' | 'contains' | 'startswith';

/** `path op 'literal'`, or `contains(path, 'literal')`; paths are lower-cased (OData names ignore case here). */
export interface Comparison {
  path: string;
  operator: ComparisonOperator;
  value: string;
}

/** The part of OData `$filter` Outlook contacts answer: comparisons, `and`, and `collection/any(x: …)`. */
export type FilterExpression =
  | { kind: 'comparison'; comparison: Comparison }
  | { kind: 'any'; collection: string; conditions: readonly Comparison[] }
  | { kind: 'and'; operands: readonly FilterExpression[] };

type Token = { kind: 'name'; text: string } | { kind: 'string'; text: string } | { kind: 'symbol'; text: string };

export const invalidFilter = () =>
  new GraphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < filter.length) {
    const character = filter.charAt(index);
    if (/\s/.test(character)) {
      index += 1;
    } else if ('(),:'.includes(character)) {
      tokens.push({ kind: 'symbol', text: character });
      index += 1;
    } else if (character === "'") {
      // OData escapes a quote inside a literal by doubling it.
      let text = '';
      index += 1;
      for (;;) {
        if (index >= filter.length) throw invalidFilter();
        if (filter.charAt(index) === "'") {
          if (filter.charAt(index + 1) !== "'") break;
          index += 1;
        }
        text += filter.charAt(index);
        index += 1;
      }
      index += 1;
      tokens.push({ kind: 'string', text });
    } else {
      const name = /^[A-Za-z_][\w./]*/.exec(filter.slice(index));
      if (!name) throw invalidFilter();
      tokens.push({ kind: 'name', text: name[0] });
      index += name[0].length;
    }
  }
  return tokens;
}

class FilterParser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterExpression {
    const expression = this.conjunction();
    if (this.position !== this.tokens.length) throw invalidFilter();
    return expression;
  }

  private conjunction(): FilterExpression {
    const operands = [this.operand()];
    while (this.peekName('and')) {
      this.position += 1;
      operands.push(this.operand());
    }
    return operands.length === 1 && operands[0] ? operands[0] : { kind: 'and', operands };
  }

  private operand(): FilterExpression {
    if (this.peekSymbol('(')) {
      this.position += 1;
      const inner = this.conjunction();
      this.expectSymbol(')');
      return inner;
    }
    const head = this.peek();
    if (head?.kind === 'name' && /\/any$/i.test(head.text) && this.tokens[this.position + 1]?.text === '(') {
      this.position += 2;
      return this.lambda(head.text.slice(0, -'/any'.length).toLowerCase());
    }
    return { kind: 'comparison', comparison: this.comparison(undefined) };
  }

  private lambda(collection: string): FilterExpression {
    const variable = this.expectName();
    this.expectSymbol(':');
    const conditions = [this.comparison(variable)];
    while (this.peekName('and')) {
      this.position += 1;
      conditions.push(this.comparison(variable));
    }
    this.expectSymbol(')');
    return { kind: 'any', collection, conditions };
  }

  /**
   * Inside a lambda every path must start with its variable (`ep/id`); the variable is dropped.
   * The bare variable (`c eq 'ERP'` in `categories/any(c: …)`) is the empty path.
   */
  private comparison(variable: string | undefined): Comparison {
    const first = this.expectName();
    const functionName = first.toLowerCase();
    if ((functionName === 'contains' || functionName === 'startswith') && this.peekSymbol('(')) {
      this.position += 1;
      const path = this.path(this.expectName(), variable);
      this.expectSymbol(',');
      const value = this.expectString();
      this.expectSymbol(')');
      return { path, operator: functionName, value };
    }
    const path = this.path(first, variable);
    const operator = this.expectName().toLowerCase();
    if (operator !== 'eq' && operator !== 'ne') throw invalidFilter();
    return { path, operator, value: this.expectString() };
  }

  private path(text: string, variable: string | undefined): string {
    if (variable === undefined) return text.toLowerCase();
    if (text === variable) return '';
    const prefix = `${variable}/`;
    if (!text.startsWith(prefix)) throw invalidFilter();
    return text.slice(prefix.length).toLowerCase();
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private peekName(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'name' && token.text.toLowerCase() === text;
  }

  private peekSymbol(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'symbol' && token.text === text;
  }

  private expectSymbol(text: string): void {
    if (!this.peekSymbol(text)) throw invalidFilter();
    this.position += 1;
  }

  private expectName(): string {
    const token = this.peek();
    if (token?.kind !== 'name') throw invalidFilter();
    this.position += 1;
    return token.text;
  }

  private expectString(): string {
    const token = this.peek();
    if (token?.kind !== 'string') throw invalidFilter();
    this.position += 1;
    return token.text;
  }
}

/**
 * Parses a `$filter` value, for example
 * `singleValueExtendedProperties/Any(ep: ep/id eq 'String {…} Name ErpId' and ep/value eq 'acme:C-1')`.
 */
export function parseODataFilter(filter: string): FilterExpression {
  return new FilterParser(tokenize(filter)).parse();
}
