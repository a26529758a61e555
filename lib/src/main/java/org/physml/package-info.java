/** physml: the compiled library behind the course notebooks. */
package org.physml;
