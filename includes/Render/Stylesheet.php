<?php
/**
 * The front-end stylesheet of product boxes.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

/**
 * Registers the stylesheet early (the product block names it as its `style`) and enqueues it only
 * when a page shows a product or an editor's note, so that other pages load no CSS of ours.
 */
final class Stylesheet {

	/**
	 * Style handle of the front-end stylesheet.
	 */
	public const HANDLE = 'acapi-product';

	/**
	 * Builds the stylesheet.
	 *
	 * @param string $url URL of the stylesheet ('' = none: nothing is registered or enqueued).
	 */
	public function __construct( private readonly string $url = '' ) {
	}

	/**
	 * Registers the stylesheet on `init`, before blocks are registered.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( $this, 'register' ), 5 );
	}

	/**
	 * Registers the stylesheet (the block names it as its `style`; shortcodes enqueue it).
	 */
	public function register(): void {
		if ( '' !== $this->url && ! wp_style_is( self::HANDLE, 'registered' ) ) {
			wp_register_style( self::HANDLE, $this->url, array(), ACAPI_VERSION );
		}
	}

	/**
	 * Enqueues the stylesheet (once; late enqueues print in the footer on classic themes).
	 */
	public function enqueue(): void {
		if ( '' === $this->url || wp_style_is( self::HANDLE, 'enqueued' ) ) {
			return;
		}
		$this->register();
		wp_enqueue_style( self::HANDLE );
	}
}
