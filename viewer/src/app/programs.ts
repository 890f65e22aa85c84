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
 * Creates sigma on `container` and has it draw one invisible node and one invisible edge of every program.
 * Software WebGL compiles a program on its first draw, for a second or more in all; drawn now, while the
 * graph downloads and imports, the real first frame finds them compiled. The stage stays hidden until
 * the renderer takes it over (app/renderer.ts).
 */
export function createStage(container: HTMLElement): Stage {
  const warmUp = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  // Sigma reads these display attributes; the viewer's own attributes do not matter here.
  const item = (display: object) => ({ size: 4, color: INVISIBLE, ...display }) as unknown as NodeAttributes & EdgeAttributes;
  warmUp.addNode("a", item({ x: 0, y: 0 }));
  warmUp.addNode("b", item({ x: 1, y: 1 }));
  for (const type of Object.keys(programSettings.edgeProgramClasses)) warmUp.addEdge("a", "b", item({ type, dash: 6 }));
  // Hidden, the stage is not read back by the page's compositor, which would wait for the compilation.
  container.style.visibility = "hidden";
  const sigma = new Sigma(warmUp, container, { ...programSettings, renderLabels: false, renderEdgeLabels: false });
  // Sent to the browser's GPU process now: nothing else asks for a frame of a hidden stage.
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    gl?.flush();
  }
  return sigma;
}

/** Show the stage again, for its first real frame. */
export function showStage(sigma: Stage): void {
  sigma.getContainer().style.visibility = "";
}
