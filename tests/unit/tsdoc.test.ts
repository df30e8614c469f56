/** Issue 2: everything exported from models/index.ts has TSDoc. */
import ts from 'typescript';
import { expect, it } from 'vitest';

it('every export of models/index.ts has a doc comment', () => {
  const program = ts.createProgram(['models/index.ts'], {
    allowImportingTsExtensions: true, noEmit: true, resolveJsonModule: true, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const mod = checker.getSymbolAtLocation(program.getSourceFile('models/index.ts')!)!;
  const exports = checker.getExportsOfModule(mod);
  expect(exports.length).toBeGreaterThan(50);
  const undocumented = exports.filter((e) => {
    const sym = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    return ts.displayPartsToString(sym.getDocumentationComment(checker)).trim() === '';
  }).map((e) => e.name);
  expect(undocumented).toEqual([]);
});
