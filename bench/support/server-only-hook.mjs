// Node resolve hook for benchmarks run outside Next: the "server-only" marker
// package throws unless the react-server condition is set, which would also switch
// React to its server build. Benchmarks resolve it to an empty module instead.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}
