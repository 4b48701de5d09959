/// Watches a decision run through the pipeline, stage by stage, for the runtime's metrics and
/// traces. The engine calls it around each stage and never reads a clock itself: the observer,
/// owned by the runtime, does.
///
/// Stages: `facets` (adapters and facet extraction), then each layer by its `LayerID` raw
/// value, then `rules` (the workspace policy's `when` rules).
public protocol PipelineObserver: AnyObject {
    func stageStarted(_ stage: String)
    func stageFinished(_ stage: String, findings: Int)
}
