import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * Leaves calls to the core's logger (`deps.logger.warn(...)`, `logger.info(...)`) unmutated: what a log line says
 * is for operators, and the tests assert behaviour, not wording. A log call whose level matters is asserted where it
 * matters (service tests fail on any error-level line), outside the mutation suite.
 */
class LoggerIgnorer {
  shouldIgnore(path) {
    if (!path.isCallExpression()) return undefined;
    const callee = path.node.callee;
    if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return undefined;
    const owner = callee.object;
    const name = owner.type === 'Identifier' ? owner.name : owner.type === 'MemberExpression' && owner.property.type === 'Identifier' ? owner.property.name : '';
    return name === 'logger' ? 'a log line is for operators; its wording and fields are not behaviour' : undefined;
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Ignore, 'logger', LoggerIgnorer)];
