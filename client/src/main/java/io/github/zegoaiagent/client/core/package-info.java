/**
 * The bottom layer of the client: what the generated code needs and nothing else of this library.
 * Open enums ({@link io.github.zegoaiagent.client.core.OpenEnum}, {@link
 * io.github.zegoaiagent.client.core.OpenEnums}), the listed-value constraint ({@link
 * io.github.zegoaiagent.client.core.ListedValue}), argument checks, text from the wire made safe
 * to print ({@link io.github.zegoaiagent.client.core.WireText}), raw answers ({@link
 * io.github.zegoaiagent.client.core.RawAnswer}) and auto-pagination ({@link
 * io.github.zegoaiagent.client.core.AutoPager}, {@link io.github.zegoaiagent.client.core.AutoPagerAsync}).
 *
 * <p>This package depends on the JDK, Jackson and jakarta.validation only; every other package of
 * the client may depend on it, it on none of them ({@code PackageCyclesTest} enforces it).
 */
package io.github.zegoaiagent.client.core;
