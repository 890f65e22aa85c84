/**
 * Sigma edge programs for dashed edges (sigma v3 has none built in): the straight edge of sigma's
 * clamped program, whose fragments are dropped along the edge by a per-edge pattern (`dash`, the length
 * in screen pixels of a dash and its gap; see core/claim-style.ts). The arrow version stops short of the
 * target and adds sigma's own arrow head. Picking ignores the pattern, so gaps stay clickable. Both are
 * drawn without instancing, like the others (see uninstanced-programs.ts).
 */
import type { Attributes } from "graphology-types";
import { createEdgeCompoundProgram, EdgeArrowHeadProgram, EdgeProgram, type EdgeProgramType, type ProgramInfo } from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from "sigma/types";
import { floatColor } from "sigma/utils";
import { withoutInstancing } from "./uninstanced-programs.js";

// Sigma's clamped-edge vertex shader, plus the distance along the edge in screen pixels.
const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;
attribute float a_dash;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;
uniform vec2 u_dimensions;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;
varying float v_dash;

const float bias = 255.0 / 254.0;

void main() {
  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;

  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // Leave room for the arrow head when the edge ends on a node (radius 0: a plain line).
  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);

  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);

  vec2 clipStart = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 clipEnd = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((clipEnd - clipStart) * u_dimensions * 0.5);
  v_dash = a_dash;

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

// Sigma's edge fragment shader, with the gaps of the pattern left out.
const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;
varying float v_dash;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (v_dash > 0.0 && mod(v_along, v_dash) > v_dash * 0.5) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const UNIFORMS = [
  "u_matrix",
  "u_zoomRatio",
  "u_sizeRatio",
  "u_correctionRatio",
  "u_pixelRatio",
  "u_feather",
  "u_minEdgeThickness",
  "u_lengthToThicknessRatio",
  "u_dimensions",
] as const;

/** Sigma's default ratio of arrow head length to edge thickness, so dashed arrows match solid ones. */
const ARROW_LENGTH_TO_THICKNESS = 2.5;

/** A dashed straight edge; `toArrowHead` stops it short of the target node for an arrow head. */
function createDashedEdgeProgram<N extends Attributes, E extends Attributes, G extends Attributes>(toArrowHead: boolean): EdgeProgramType<N, E, G> {
  const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = WebGLRenderingContext;
  return class DashedEdgeProgram extends EdgeProgram<(typeof UNIFORMS)[number], N, E, G> {
    getDefinition() {
      return {
        VERTICES: 6,
        VERTEX_SHADER_SOURCE: VERTEX_SHADER,
        FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
        METHOD: TRIANGLES,
        UNIFORMS,
        ATTRIBUTES: [
          { name: "a_positionStart", size: 2, type: FLOAT },
          { name: "a_positionEnd", size: 2, type: FLOAT },
          { name: "a_normal", size: 2, type: FLOAT },
          { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_radius", size: 1, type: FLOAT },
          { name: "a_dash", size: 1, type: FLOAT },
        ],
        // Per vertex: at the start (0) or the end (1), which side of the edge, whether clamped.
        CONSTANT_ATTRIBUTES: [
          { name: "a_positionCoef", size: 1, type: FLOAT },
          { name: "a_normalCoef", size: 1, type: FLOAT },
          { name: "a_radiusCoef", size: 1, type: FLOAT },
        ],
        CONSTANT_DATA: [[0, 1, 0], [0, -1, 0], [1, 1, 1], [1, 1, 1], [0, -1, 0], [1, -1, -1]],
      };
    }

    processVisibleItem(edgeIndex: number, startIndex: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void {
      const thickness = data.size || 1;
      const dx = targetData.x - sourceData.x;
      const dy = targetData.y - sourceData.y;
      const squared = dx * dx + dy * dy;
      const inverse = squared > 0 ? 1 / Math.sqrt(squared) : 0;
      const dash = (data as EdgeDisplayData & { dash?: number }).dash ?? 0;
      const array = this.array;
      let i = startIndex;
      array[i++] = sourceData.x;
      array[i++] = sourceData.y;
      array[i++] = targetData.x;
      array[i++] = targetData.y;
      array[i++] = -dy * inverse * thickness;
      array[i++] = dx * inverse * thickness;
      array[i++] = floatColor(data.color);
      array[i++] = edgeIndex;
      array[i++] = toArrowHead ? targetData.size || 1 : 0;
      array[i++] = dash;
    }

    setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo): void {
      const u = uniformLocations;
      gl.uniformMatrix3fv(u["u_matrix"]!, false, params.matrix);
      gl.uniform1f(u["u_zoomRatio"]!, params.zoomRatio);
      gl.uniform1f(u["u_sizeRatio"]!, params.sizeRatio);
      gl.uniform1f(u["u_correctionRatio"]!, params.correctionRatio);
      gl.uniform1f(u["u_pixelRatio"]!, params.pixelRatio);
      gl.uniform1f(u["u_feather"]!, params.antiAliasingFeather);
      gl.uniform1f(u["u_minEdgeThickness"]!, params.minEdgeThickness);
      gl.uniform1f(u["u_lengthToThicknessRatio"]!, ARROW_LENGTH_TO_THICKNESS);
      gl.uniform2f(u["u_dimensions"]!, params.width, params.height);
    }
  };
}

/** The sigma programs keyed by the edge types the reducer gives (see core/reducers.ts, edgeProgram). */
export function dashedEdgePrograms<N extends Attributes, E extends Attributes, G extends Attributes>(): Record<"dashedLine" | "dashedArrow", EdgeProgramType<N, E, G>> {
  return {
    dashedLine: withoutInstancing(createDashedEdgeProgram<N, E, G>(false)),
    dashedArrow: createEdgeCompoundProgram<N, E, G>([
      withoutInstancing(createDashedEdgeProgram<N, E, G>(true)),
      withoutInstancing(EdgeArrowHeadProgram as unknown as EdgeProgramType<N, E, G>),
    ]),
  };
}
