/**
 * Built-in {@link io.podkit.validation.PodPolicy policies} a framework can pass to
 * {@link io.podkit.validation.PodValidator}: {@link io.podkit.validation.policy.HostVolumePolicy},
 * {@link io.podkit.validation.policy.SeccompPolicy} and
 * {@link io.podkit.validation.policy.ImageRegistryPolicy}. Their violations appear in the same
 * report as podkit's own rules.
 */
package io.podkit.validation.policy;
