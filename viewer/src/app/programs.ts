/**
 * The WebGL programs the viewer draws with (sigma's, without instancing, plus dashed edges for claims
 * that are not plain assertions), and the stage: the sigma instance, created before the graph loads so
 * that its shaders compile while the graph downloads.
 */
import Graph from "graphology";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";
import { dashedEdgePrograms } from "./dashed-edge-program.js";
import { runInSlices } from "./slices.js";
import { uninstancedPrograms } from "./uninstanced-programs.js";

export type Stage = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;
type ProgramSettings = Pick<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>, "nodeProgramClasses" | "edgeProgramClasses">;

const programs = uninstancedPrograms<NodeAttributes, EdgeAttributes, GraphAttributes>();
/**
 * The sigma settings that name the viewer's node and edge programs. One object: sigma keeps the
 * programs it has compiled as long as the classes it is given are the same.
 */
export const programSettings: ProgramSettings = {
  nodeProgramClasses: programs.nodes,
  edgeProgramClasses: { ...programs.edges, ...dashedEdgePrograms<NodeAttributes, EdgeAttributes, GraphAttributes>() },
};

const INVISIBLE = "rgba(0,0,0,0)";

/**
 * Stands in for a program not compiled yet: it draws nothing, all that an empty stage asks of it. Sigma
 * compiles every program it is given (its own defaults too) when it is created; given these instead, it
 * only makes its canvases, and the real programs come one at a time (createStage).
 */
class PendingProgram {
  drawLabel = undefined;
  drawHover = undefined;
  kill(): void {}
  reallocate(): void {}
  process(): void {}
  render(): void {}
}

function pending<P>(classes: Record<string, P>): Record<string, P> {
  return Object.fromEntries(Object.keys(classes).map((type) => [type, PendingProgram as unknown as P]));
}

/**
 * Creates sigma on `container`, compiles its programs and has it draw one invisible node and one invisible
 * edge of every program. Software WebGL compiles a program when it is linked and again on its first draw,
 * for a second or more in all; done now, while the graph downloads and imports, the real first frame finds
 * them compiled. It starts once `after` resolves (the graph loader's worker runs: making WebGL contexts
 * holds the page's main thread, which the worker's start needs). The canvases are given the stage's size
 * once `sized` resolves (the page around the stage has its final layout), so that the first frame finds
 * them the right size: a drawing buffer takes tens of milliseconds to allocate, and sigma has three. Each step (the contexts, each program, each canvas's
 * size, the draw) runs in a task of its own, so that none holds the page for long. The stage ends holding
 * an empty graph, and stays hidden until the renderer takes it over (app/renderer.ts).
 */
export async function createStage(container: HTMLElement, after: Promise<unknown>, sized: Promise<unknown>): Promise<Stage> {
  await after;
  const sigma = await runInSlices(compileSteps(container));
  await sized;
  return runInSlices(warmUpSteps(sigma));
}

function* compileSteps(container: HTMLElement): Generator<void, Stage, void> {
  // Hidden, the stage is not read back by the page's compositor, which would wait for the compilation.
  container.style.visibility = "hidden";
  // Made on a stage of one pixel, the WebGL contexts come quickly: a drawing buffer of the stage's size
  // takes tens of milliseconds to allocate, and sigma makes three.
  container.style.width = container.style.height = "1px";
  const empty = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  const sigma = new Sigma(empty, container, {
    nodeProgramClasses: pending(programSettings.nodeProgramClasses),
    edgeProgramClasses: pending(programSettings.edgeProgramClasses),
    renderLabels: false,
    renderEdgeLabels: false,
  });
  yield;
  // One program at a time: sigma compiles those whose class changed.
  let { nodeProgramClasses, edgeProgramClasses } = sigma.getSettings();
  for (const [type, program] of Object.entries(programSettings.nodeProgramClasses)) {
    nodeProgramClasses = { ...nodeProgramClasses, [type]: program };
    sigma.setSettings({ nodeProgramClasses });
    yield;
  }
  for (const [type, program] of Object.entries(programSettings.edgeProgramClasses)) {
    edgeProgramClasses = { ...edgeProgramClasses, [type]: program };
    sigma.setSettings({ edgeProgramClasses });
    yield;
  }
  return sigma;
}

function* warmUpSteps(sigma: Stage): Generator<void, Stage, void> {
  // Each canvas is given the stage's size (as sigma would: it sets the same when it draws).
  const container = sigma.getContainer();
  container.style.width = container.style.height = "";
  const ratio = window.devicePixelRatio ?? 1;
  for (const canvas of Object.values(sigma.getCanvases())) {
    canvas.width = container.offsetWidth * ratio;
    canvas.height = container.offsetHeight * ratio;
    yield;
  }
  const empty = sigma.getGraph();
  const warmUp = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  // Sigma reads these display attributes; the viewer's own attributes do not matter here.
  const item = (display: object) => ({ size: 4, color: INVISIBLE, ...display }) as unknown as NodeAttributes & EdgeAttributes;
  warmUp.addNode("a", item({ x: 0, y: 0 }));
  warmUp.addNode("b", item({ x: 1, y: 1 }));
  for (const type of Object.keys(programSettings.edgeProgramClasses)) warmUp.addEdge("a", "b", item({ type, dash: 6 }));
  sigma.setGraph(warmUp);
  // Sent to the browser's GPU process now: nothing else asks for a frame of a hidden stage.
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    gl?.flush();
  }
  yield;
  // Left empty, so that the renderer can set it up without a draw of the warm-up.
  sigma.setGraph(empty);
  return sigma;
}

/** Show the stage again, for its first real frame. */
export function showStage(sigma: Stage): void {
  sigma.getContainer().style.visibility = "";
}
