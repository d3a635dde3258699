/** File input and output shared by every part: atomic writes, PNG images and masks, JSON. */
package dev.penumbra.io;
