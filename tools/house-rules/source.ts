import ts from 'typescript';

const parsed = new Map<string, ts.SourceFile>();

/**
 * A file parsed without a program: syntax only, fast enough for the whole workspace on every lint. Rules share the
 * parse of a file (kept while its text is the same).
 */
export function parse(path: string, text: string): ts.SourceFile {
  const cached = parsed.get(path);
  if (cached?.text === text) return cached;
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  parsed.set(path, file);
  return file;
}

export function lineOf(node: ts.Node): number {
  const file = node.getSourceFile();
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

/** Every node of the file, depth first. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** The names of a class's decorators: `@Resolver(() => X)` and `@Resolver` both give `Resolver`. */
export function decoratorNames(node: ts.ClassDeclaration): string[] {
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const expression = ts.isCallExpression(decorator.expression)
      ? decorator.expression.expression
      : decorator.expression;
    if (ts.isIdentifier(expression)) return [expression.text];
    if (ts.isPropertyAccessExpression(expression)) return [expression.name.text];
    return [];
  });
}

export function classes(file: ts.SourceFile): ts.ClassDeclaration[] {
  const found: ts.ClassDeclaration[] = [];
  walk(file, (node) => {
    if (ts.isClassDeclaration(node)) found.push(node);
  });
  return found;
}

/** The module specifiers a file depends on: imports, re-exports, `import()`, `require()` and `jest.mock()`. */
export function moduleSpecifiers(file: ts.SourceFile): { specifier: string; node: ts.Node }[] {
  const found: { specifier: string; node: ts.Node }[] = [];
  walk(file, (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, node });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const [first] = node.arguments;
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'jest' &&
          ['mock', 'doMock', 'requireActual'].includes(callee.name.text));
      if (loads && first && ts.isStringLiteralLike(first)) found.push({ specifier: first.text, node });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, node });
    }
  });
  return found;
}

/** The type name of a constructor parameter: `Foo`, `Foo<Bar>` and `ns.Foo` all give `Foo`. */
export function typeName(type: ts.TypeNode | undefined): string | undefined {
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  return ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
}
