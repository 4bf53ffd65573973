// The FigJam plugin wired as main.ts wires it, on a contract host: the
// controller on the main side, the session in the UI, messages in between
// (asynchronous, as in Figma). Shared by the FigJam contract suites.
export function runPluginOn(h, host, canvasfit) {
  const figma = host.figma;
  const controller = new h.Controller(figma, (reply) => figma.ui.postMessage(reply));
  figma.ui.onmessage = (message) => { void controller.handle(message); };
  const errors = [];
  const session = new h.FigJamSession((request) => setTimeout(() => host.fromUi(request), 0), canvasfit);
  host.deliverToUi = (reply) => setTimeout(() => session.receive(reply), 0);
  session.onError = (error) => errors.push(error.message ?? error);
  return { host, session, errors };
}
