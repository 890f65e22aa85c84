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
 * graph downloads and imports, the real first frame finds them compiled. The renderer takes the stage
 * over (app/renderer.ts).
 */
export function createStage(container: HTMLElement): Stage {
  const warmUp = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  // Sigma reads these display attributes; the viewer's own attributes do not matter here.
  const item = (display: object) => ({ size: 4, color: INVISIBLE, ...display }) as unknown as NodeAttributes & EdgeAttributes;
  warmUp.addNode("a", item({ x: 0, y: 0 }));
  warmUp.addNode("b", item({ x: 1, y: 1 }));
  for (const type of Object.keys(programSettings.edgeProgramClasses)) warmUp.addEdge("a", "b", item({ type, dash: 6 }));
  return new Sigma(warmUp, container, { ...programSettings, renderLabels: false, renderEdgeLabels: false });
}
